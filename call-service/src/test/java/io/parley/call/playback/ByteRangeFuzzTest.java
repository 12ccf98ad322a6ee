package io.parley.call.playback;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.parley.call.playback.ByteRange.Satisfiable;
import io.parley.common.embedded.fuzz.FuzzInputs;
import io.parley.common.embedded.fuzz.Mutations;

/**
 * Fuzzes the Range header reader: whatever the header and the file's length, the whole file, a range inside the file,
 * or unsatisfiable (416), never an exception or a range outside the file.
 */
class ByteRangeFuzzTest {

    private static final List<String> HEADERS = List.of("bytes=0-99", "bytes=100-", "bytes=-500", "bytes = 5 - 9",
            "bytes=0-0,5-9", "items=0-9");
    private static final List<String> TOKENS = List.of("bytes", "9223372036854775807", "999999999999999999", "\t",
            "\u00a0", "\u0660");

    @Test
    void anyHeaderGivesARangeInsideTheFileOrNone() {
        FuzzInputs.check(5000, this::anyHeader);
    }

    /** Coverage-guided by Jazzer with JAZZER_FUZZ=1 (docs/fuzzing.md); the normal run checks it on seeded data. */
    @FuzzTest
    @EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = "1")
    void anyHeader(FuzzedDataProvider data) {
        long length = data.consumeBoolean() ? data.consumeLong(0, 1000) : data.consumeLong(0, Long.MAX_VALUE);
        String header = switch (data.consumeInt(0, 2)) {
            case 0 -> Mutations.ofText(data, HEADERS, TOKENS);
            case 1 -> "bytes=" + data.consumeLong() + "-" + data.consumeLong();
            default -> data.consumeRemainingAsString();
        };
        if (ByteRange.of(header, length) instanceof Satisfiable satisfiable) {
            ByteRange range = satisfiable.range();
            assertTrue(range.first() >= 0 && range.first() <= range.last() && range.last() < length,
                    range::toString);
        }
    }
}
