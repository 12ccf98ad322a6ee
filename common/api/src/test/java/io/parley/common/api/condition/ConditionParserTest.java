package io.parley.common.api.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.parley.common.api.condition.Condition.And;
import io.parley.common.api.condition.Condition.Comparison;
import io.parley.common.api.condition.Condition.Not;
import io.parley.common.api.condition.Condition.Operator;
import io.parley.common.api.condition.Condition.Or;

/** The condition language of {@code associate_calls_condition}: what it accepts, and where and why it refuses. */
class ConditionParserTest {

    private static final Comparison SP = new Comparison(CallAttribute.BROADWORKS_SERVICE_PROVIDER, Operator.EQUALS,
            "FlexusProvider");
    private static final Comparison GROUP = new Comparison(CallAttribute.BROADWORKS_GROUP, Operator.EQUALS,
            "FlexusGroup");
    private static final Comparison USER = new Comparison(CallAttribute.BROADWORKS_USER, Operator.EQUALS, "u");

    @Test
    void readsTheReferencesExampleAsWritten() throws ConditionException {
        assertEquals(new And(SP, GROUP), ConditionParser.parse(
                "BroadWorks-serviceProviderID = \"FlexusProvider\" AND BroadWorks-groupID = \"FlexusGroup\""));
    }

    @Test
    void readsEachOperator() throws ConditionException {
        assertOperator(Operator.EQUALS, "Call-fromNumber = \"1\"");
        assertOperator(Operator.NOT_EQUALS, "Call-fromNumber != \"1\"");
        assertOperator(Operator.STARTS_WITH, "Call-fromNumber STARTS WITH \"1\"");
        assertOperator(Operator.ENDS_WITH, "Call-fromNumber ends  with \"1\"");
        assertOperator(Operator.CONTAINS, "Call-fromNumber contains \"1\"");
        assertOperator(Operator.NOT_EQUALS, "Call-fromNumber!=\"1\"");
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() throws ConditionException {
        String sp = "BroadWorks-serviceProviderID = \"FlexusProvider\"";
        String group = "BroadWorks-groupID = \"FlexusGroup\"";
        String user = "BroadWorks-userID = \"u\"";
        assertEquals(new Or(SP, new And(GROUP, USER)), ConditionParser.parse(sp + " OR " + group + " AND " + user));
        assertEquals(new Or(new And(SP, GROUP), USER), ConditionParser.parse(sp + " AND " + group + " OR " + user));
        assertEquals(new And(new Not(SP), GROUP), ConditionParser.parse("NOT " + sp + " AND " + group));
        assertEquals(new Or(new Or(SP, GROUP), USER), ConditionParser.parse(sp + " OR " + group + " OR " + user));
    }

    @Test
    void parenthesesGroup() throws ConditionException {
        assertEquals(new And(new Or(SP, GROUP), USER), ConditionParser.parse(
                "(BroadWorks-serviceProviderID = \"FlexusProvider\" OR BroadWorks-groupID = \"FlexusGroup\")"
                        + " AND BroadWorks-userID = \"u\""));
        assertEquals(new Not(new And(SP, GROUP)), ConditionParser.parse(
                "NOT((BroadWorks-serviceProviderID=\"FlexusProvider\")AND(BroadWorks-groupID=\"FlexusGroup\"))"));
    }

    @Test
    void keywordsAndAttributeNamesAreReadInAnyCase() throws ConditionException {
        assertEquals(new Or(new Not(SP), GROUP), ConditionParser.parse(
                "not BROADWORKS-SERVICEPROVIDERID = \"FlexusProvider\"\n\tor broadworks-groupid = \"FlexusGroup\""));
        for (CallAttribute attribute : CallAttribute.values()) {
            assertEquals(new Comparison(attribute, Operator.CONTAINS, "x"),
                    ConditionParser.parse(attribute.attributeName.toLowerCase() + " Contains \"x\""));
        }
    }

    @Test
    void stringsTakeEscapedQuotesAndBackslashesAndAnyOtherCharacter() throws ConditionException {
        assertEquals(new Comparison(CallAttribute.FROM_NAME, Operator.EQUALS, "say \"hi\" \\ ok é ( AND"),
                ConditionParser.parse("Call-fromName = \"say \\\"hi\\\" \\\\ ok é ( AND\""));
        assertEquals(new Comparison(CallAttribute.FROM_NAME, Operator.EQUALS, ""),
                ConditionParser.parse("Call-fromName = \"\""));
    }

    @Test
    void refusesAnUnknownAttributeWhereItIsNamed() {
        assertRefused("BroadWorks-serviceProviderID = \"a\" AND BroadWorks-spID = \"b\"", 40,
                "unknown attribute BroadWorks-spID");
    }

    @Test
    void refusesAnUnterminatedStringWhereItOpens() {
        assertRefused("Call-fromNumber = \"100", 19, "unterminated string");
        assertRefused("Call-fromNumber = \"100\\\"", 19, "unterminated string");
    }

    @Test
    void refusesAnUnknownEscape() {
        assertRefused("Call-fromNumber = \"1\\n\"", 21, "a backslash in a string must be followed by \" or \\");
    }

    @Test
    void refusesAMissingOperandOperatorOrValue() {
        assertRefused("Call-fromNumber = \"1\" AND", 26, "expected an attribute name, NOT or (");
        assertRefused("Call-fromNumber = \"1\" AND OR Call-toNumber = \"2\"", 27,
                "expected an attribute name, NOT or (");
        assertRefused("", 1, "expected an attribute name, NOT or (");
        assertRefused("Call-fromNumber \"1\"", 17,
                "expected an operator (=, !=, STARTS WITH, ENDS WITH or CONTAINS)");
        assertRefused("Call-fromNumber starts \"1\"", 24, "expected WITH after STARTS");
        assertRefused("Call-fromNumber = 100", 19, "expected a quoted string");
        assertRefused("Call-fromNumber = '100'", 19, "expected a quoted string");
    }

    @Test
    void refusesWhatFollowsACompleteCondition() {
        assertRefused("Call-fromNumber = \"1\" Call-toNumber = \"2\"", 23,
                "expected AND, OR or the end of the condition");
        assertRefused("Call-fromNumber = \"1\")", 22, "expected AND, OR or the end of the condition");
        assertRefused("(Call-fromNumber = \"1\"", 23, "expected AND, OR or )");
    }

    @Test
    void refusesNestingDeeperThanTheBound() throws ConditionException {
        String comparison = "Call-fromNumber = \"1\"";
        ConditionParser.parse("(".repeat(ConditionParser.MAX_DEPTH) + comparison + ")".repeat(ConditionParser.MAX_DEPTH));
        assertRefused("(".repeat(ConditionParser.MAX_DEPTH + 1) + comparison, ConditionParser.MAX_DEPTH + 1,
                "nested more than " + ConditionParser.MAX_DEPTH + " deep");
        assertRefused("NOT ".repeat(ConditionParser.MAX_DEPTH + 1) + comparison, 4 * ConditionParser.MAX_DEPTH + 1,
                "nested more than " + ConditionParser.MAX_DEPTH + " deep");
    }

    @Test
    void refusesMoreComparisonsThanTheBound() throws ConditionException {
        String comparison = "Call-toIP=\"1\"";
        ConditionParser.parse(String.join(" OR ", java.util.Collections.nCopies(ConditionParser.MAX_COMPARISONS,
                comparison)));
        String tooMany = String.join(" OR ", java.util.Collections.nCopies(ConditionParser.MAX_COMPARISONS + 1,
                comparison));
        assertRefused(tooMany, tooMany.lastIndexOf("Call-toIP") + 1,
                "more than " + ConditionParser.MAX_COMPARISONS + " comparisons");
    }

    @Test
    void refusesAConditionLongerInBytesThanTheBound() throws ConditionException {
        String start = "Call-fromName = \"";
        String fits = start + "é".repeat((ConditionParser.MAX_BYTES - start.length() - 1) / 2) + "\"";
        ConditionParser.parse(fits);
        String tooLong = start + "é".repeat((ConditionParser.MAX_BYTES - start.length()) / 2 + 1) + "\"";
        assertRefused(tooLong, start.length() + (ConditionParser.MAX_BYTES - start.length()) / 2 + 1,
                "the condition is longer than " + ConditionParser.MAX_BYTES + " bytes");
    }

    private static void assertOperator(Operator operator, String text) throws ConditionException {
        assertEquals(new Comparison(CallAttribute.FROM_NUMBER, operator, "1"), ConditionParser.parse(text), text);
    }

    private static void assertRefused(String text, int position, String reason) {
        ConditionException e = assertThrows(ConditionException.class, () -> ConditionParser.parse(text), text);
        assertEquals(reason, e.reason(), text);
        assertEquals(position, e.position(), text);
        assertEquals(reason + " at character " + position, e.getMessage());
    }
}
