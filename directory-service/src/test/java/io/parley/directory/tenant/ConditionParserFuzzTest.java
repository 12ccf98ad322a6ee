package io.parley.directory.tenant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.parley.common.api.condition.CallAttribute;
import io.parley.common.api.condition.ConditionException;
import io.parley.common.api.condition.ConditionParser;
import io.parley.common.embedded.fuzz.ConditionTexts;
import io.parley.common.embedded.fuzz.FuzzInputs;
import io.parley.common.embedded.fuzz.Mutations;

/**
 * Fuzzes the parser of {@code associate_calls_condition}, which reads whatever an administrator saves: any text is a
 * condition or a {@link ConditionException} pointing into the text (a 400), never another exception (a 500).
 */
class ConditionParserFuzzTest {

    private static final List<String> SEEDS = List.of(
            "BroadWorks-serviceProviderID = \"FlexusProvider\" AND BroadWorks-groupID = \"FlexusGroup\"",
            "NOT (Call-fromNumber STARTS WITH \"+1\" OR Call-toNumber ends with \"00\") and SIP-fromHost != \"x\"",
            "Cisco-nearEndPartition contains \"a\\\"b\\\\c\" OR ((Metaswitch-system = \"m\"))");
    private static final List<String> TOKENS = List.of("AND", "OR", "NOT", "STARTS WITH", "ENDS", "WITH", "CONTAINS",
            "!=", "=", "(", ")", "\"", "\\\"", "\\\\", "\\", "\t", "\n", "not not", "((((((((((", "))",
            "BroadWorks-groupID", "Call-direction", "Unknown-attribute");

    @Test
    void anyTextIsAConditionOrRefusedWithAPosition() {
        FuzzInputs.check(4000, this::anyText);
    }

    /** Coverage-guided by Jazzer with JAZZER_FUZZ=1 (docs/fuzzing.md); the normal run checks it on seeded data. */
    @FuzzTest
    @EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = "1")
    void anyText(FuzzedDataProvider data) {
        String text = switch (data.consumeInt(0, 3)) {
            case 0 -> Mutations.ofText(data, SEEDS, TOKENS);
            case 1 -> tokens(data);
            case 2 -> ConditionTexts.generated(data, List.of());
            default -> data.consumeRemainingAsString();
        };
        try {
            ConditionParser.parse(text);
        } catch (ConditionException e) {
            assertTrue(e.position() >= 1 && e.position() <= text.length() + 1, e.getMessage());
        }
    }

    /** A run of the language's own tokens and attribute names, so that most inputs get past the first token. */
    private static String tokens(FuzzedDataProvider data) {
        StringBuilder text = new StringBuilder();
        int count = data.consumeInt(0, 200);
        for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
            text.append(switch (data.consumeInt(0, 2)) {
                case 0 -> data.pickValue(TOKENS);
                case 1 -> data.pickValue(CallAttribute.values()).attributeName;
                default -> "\"" + data.consumeString(8) + "\"";
            }).append(data.consumeBoolean() ? " " : "");
        }
        return text.toString();
    }
}
