package io.parley.common.api.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.parley.common.api.condition.Condition.Truth;

/** What a condition says of a call: its operators, keywords and attributes, and of attributes the call lacks. */
class ConditionMatchingTest {

    private static final String EXAMPLE = "BroadWorks-serviceProviderID = \"FlexusProvider\""
            + " AND BroadWorks-groupID = \"FlexusGroup\"";

    @Test
    void theReferencesExampleMatchesACallOfItsProviderAndGroup() {
        assertTrue(matches(EXAMPLE, call("broadworks_sp_id", "FlexusProvider", "broadworks_group_id", "FlexusGroup")));
        assertFalse(matches(EXAMPLE, call("broadworks_sp_id", "FlexusProvider", "broadworks_group_id", "Other")));
        assertFalse(matches(EXAMPLE, call("broadworks_sp_id", "flexusprovider", "broadworks_group_id", "FlexusGroup")));
    }

    @Test
    void eachOperatorComparesAsItSays() {
        Map<String, Object> call = call("to_number", "+15551234567");
        assertTrue(matches("Call-toNumber = \"+15551234567\"", call));
        assertFalse(matches("Call-toNumber = \"+1555\"", call));
        assertTrue(matches("Call-toNumber != \"+1555\"", call));
        assertFalse(matches("Call-toNumber != \"+15551234567\"", call));
        assertTrue(matches("Call-toNumber STARTS WITH \"+1555\"", call));
        assertFalse(matches("Call-toNumber STARTS WITH \"1555\"", call));
        assertTrue(matches("Call-toNumber ENDS WITH \"4567\"", call));
        assertFalse(matches("Call-toNumber ENDS WITH \"456\"", call));
        assertTrue(matches("Call-toNumber CONTAINS \"5512\"", call));
        assertFalse(matches("Call-toNumber CONTAINS \"5521\"", call));
        assertTrue(matches("Call-toNumber STARTS WITH \"\"", call));
    }

    @Test
    void andOrNotAndParenthesesCombine() {
        Map<String, Object> call = call("metaswitch_system", "ms1", "metaswitch_group", "east-sales", "to_number",
                "+19005550100");
        assertTrue(matches("Metaswitch-system = \"ms1\" AND Metaswitch-group CONTAINS \"sales\"", call));
        assertFalse(matches("Metaswitch-system = \"ms1\" AND NOT Metaswitch-group CONTAINS \"sales\"", call));
        assertTrue(matches("Metaswitch-system = \"ms2\" OR Metaswitch-group ENDS WITH \"sales\"", call));
        assertFalse(matches("(Metaswitch-system = \"ms2\" OR Metaswitch-group = \"x\") AND Call-toNumber != \"\"", call));
        assertTrue(matches("NOT (Metaswitch-system = \"ms2\" OR Call-toNumber STARTS WITH \"+1800\")", call));
    }

    @Test
    void hostsAreTheHostPartOfTheSipUriInAnyCase() {
        Map<String, Object> call = call("from_id", "sip:102@PBX.Flexus.example:5060;transport=udp", "to_id",
                "\"Desk\" <sip:200@pbx.other.example>");
        assertTrue(matches("SIP-fromHost = \"pbx.flexus.example\"", call));
        assertTrue(matches("SIP-fromHost = \"PBX.FLEXUS.EXAMPLE\"", call));
        assertTrue(matches("SIP-toHost ENDS WITH \".Other.Example\"", call));
        assertTrue(matches("Call-fromID CONTAINS \"PBX.Flexus\"", call));
        assertFalse(matches("Call-fromID CONTAINS \"pbx.flexus\"", call));
    }

    @Test
    void numbersCompareAsTheirDecimalText() {
        Map<String, Object> call = call("protocol_call_direction", (short) 1, "voip_protocol", 17);
        assertTrue(matches("Call-direction = \"1\" AND Call-voipProtocol = \"17\"", call));
        assertFalse(matches("Call-direction = \"01\"", call));
    }

    /**
     * A condition decides on what the call has reported: an attribute it lacks makes a comparison neither true nor
     * false, so that neither it nor its negation matches, and a later event can still make the call match.
     */
    @Test
    void anAttributeTheCallLacksIsUnknownAndMatchesNeitherWay() {
        Map<String, Object> providerOnly = call("broadworks_sp_id", "FlexusProvider");
        assertEquals(Truth.UNKNOWN, truth(EXAMPLE, providerOnly));
        assertEquals(Truth.UNKNOWN, truth("NOT (" + EXAMPLE + ")", providerOnly));
        assertFalse(matches("BroadWorks-groupID != \"FlexusGroup\"", providerOnly));
        assertFalse(matches("SIP-fromHost = \"x\" OR NOT SIP-fromHost = \"x\"", call("from_id", "no host here")));

        assertEquals(Truth.FALSE, truth(EXAMPLE, call("broadworks_sp_id", "Other")));
        assertTrue(matches("NOT (" + EXAMPLE + ")", call("broadworks_sp_id", "Other")));
        assertTrue(matches("BroadWorks-groupID = \"G\" OR BroadWorks-serviceProviderID = \"FlexusProvider\"",
                providerOnly));
    }

    private static boolean matches(String condition, Map<String, Object> call) {
        return truth(condition, call) == Truth.TRUE;
    }

    private static Truth truth(String condition, Map<String, Object> call) {
        try {
            Condition parsed = ConditionParser.parse(condition);
            assertEquals(parsed.truth(call::get) == Truth.TRUE, parsed.matches(call::get));
            return parsed.truth(call::get);
        } catch (ConditionException e) {
            throw new AssertionError(condition, e);
        }
    }

    private static Map<String, Object> call(Object... fieldsAndValues) {
        Map<String, Object> call = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            call.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return call;
    }
}
