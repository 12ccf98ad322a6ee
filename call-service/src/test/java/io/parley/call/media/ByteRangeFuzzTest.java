package io.parley.call.media;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import io.parley.call.media.ByteRange.Satisfiable;
import io.parley.common.embedded.fuzz.FuzzInputs;
import io.parley.common.embedded.fuzz.Mutations;

/**
 * Fuzzes the Range header reader: whatever the header and the file's length, the whole file, a range inside the file,
 * or unsatisfiable (416), never an exception or a range outside the file.
 */
class ByteRangeFuzzTest {

    private static final List<String> HEADERS = List.of("bytes=0-99", "bytes=100-", "bytes=-500", "bytes = 5 - 9",
            "bytes=0-0,5-9", "items=0-9");

    private record Request(String header, long length) {
    }

    @Test
    void anyHeaderGivesARangeInsideTheFileOrNone() {
        Arbitrary<String> headers = Arbitraries.oneOf(
                Mutations.ofText(HEADERS, List.of("bytes", "9223372036854775807", "999999999999999999", "\t", "\u00a0",
                        "\u0660")),
                Arbitraries.strings().all().ofMaxLength(60),
                Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
                        .as((first, last) -> "bytes=" + first + "-" + last));
        Arbitrary<Long> lengths = Arbitraries.oneOf(Arbitraries.longs().between(0, 1000),
                Arbitraries.longs().between(0, Long.MAX_VALUE));
        FuzzInputs.check(Combinators.combine(headers, lengths).as(Request::new), 5000, request -> {
            if (ByteRange.of(request.header(), request.length()) instanceof Satisfiable(ByteRange range)) {
                assertTrue(range.first() >= 0 && range.first() <= range.last() && range.last() < request.length(),
                        range::toString);
            }
        });
    }
}
