package io.parley.call.association;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.parley.common.api.condition.CallAttribute;
import io.parley.common.api.condition.Condition;
import io.parley.common.api.condition.ConditionException;
import io.parley.common.api.condition.ConditionParser;
import io.parley.common.embedded.fuzz.ConditionTexts;
import io.parley.common.embedded.fuzz.FuzzInputs;

/**
 * Fuzzes the evaluation of tenants' conditions on calls, on which a call's tenant depends for good: on what a call has
 * reported so far a condition matches, or its negation does, or neither; a call that matches still matches once it
 * has reported everything (a later event never undoes a match, and association never has to), and one that reported
 * everything matches exactly one of a condition and its negation.
 */
class ConditionMatchingFuzzTest {

    /** Few values, shared by conditions and calls, so that comparisons hold as often as not. */
    private static final List<String> VALUES = List.of("", "a", "ab", "b", "A", "pbx.example", "sip:1@PBX.example",
            "1", "2");

    @Test
    void knowingMoreOfACallNeverUndoesAMatch() {
        FuzzInputs.check(4000, this::conditionOnACall);
    }

    /** Coverage-guided by Jazzer with JAZZER_FUZZ=1 (docs/fuzzing.md); the normal run checks it on seeded data. */
    @FuzzTest
    @EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = "1")
    void conditionOnACall(FuzzedDataProvider data) {
        Condition condition;
        try {
            condition = ConditionParser.parse(ConditionTexts.generated(data, VALUES));
        } catch (ConditionException e) {
            return; // past a bound: ConditionParserFuzzTest's matter
        }
        Condition negation = new Condition.Not(condition);
        Map<String, Object> whole = new HashMap<>();
        Map<String, Object> reported = new HashMap<>();
        for (CallAttribute attribute : CallAttribute.values()) {
            String value = data.pickValue(VALUES);
            Object stored = attribute.source == CallAttribute.Source.SIP_URI_HOST
                    ? "sip:100@" + (value.isEmpty() ? "host" : value) + ":5060"
                    : value;
            whole.putIfAbsent(attribute.field, stored);
            if (data.consumeBoolean()) {
                reported.putIfAbsent(attribute.field, whole.get(attribute.field));
            }
        }

        boolean matches = condition.matches(reported::get);
        boolean negationMatches = negation.matches(reported::get);
        assertTrue(!(matches && negationMatches), "a condition and its negation both match");
        assertTrue(!matches || condition.matches(whole::get), "a match undone by knowing more");
        assertTrue(!negationMatches || negation.matches(whole::get), "a mismatch undone by knowing more");
        assertNotEquals(condition.matches(whole::get), negation.matches(whole::get),
                "a call that reported everything matches neither a condition nor its negation");
    }
}
