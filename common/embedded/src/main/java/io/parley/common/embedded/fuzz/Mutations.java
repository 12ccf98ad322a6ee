package io.parley.common.embedded.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * Byte-level mutations of valid inputs, as a fuzzer makes from a corpus: a few edits (overwrite, insert, delete,
 * duplicate, truncate, or insert a token of the format) applied to one of the seeds, each choice read from the fuzz
 * data.
 */
public final class Mutations {

    /** Tokens that break parsers of text formats more often than random bytes do. */
    public static final List<String> TOKENS = List.of("\"", "\\", "{", "}", "[", "]", ",", ":", "-", "=", "/", " ",
            "\u0000", "\r\n", "\uFFFD", "\uD83D\uDE00", "null", "true", "-1", "0", "1e999", "-0.0",
            "99999999999999999999999", "9223372036854775808", "NaN", "%", "_", "*", ".*", "(", "\\u0000", "\u00e9",
            "\u017f");

    private static final int MAX_EDITS = 6;

    private enum Edit {
        OVERWRITE,
        INSERT,
        DELETE,
        DUPLICATE,
        TRUNCATE,
        TOKEN,
        FORMAT_TOKEN
    }

    private Mutations() {
    }

    /** One of the seeds, mutated, with the format's own tokens besides {@link #TOKENS}. */
    public static byte[] of(FuzzedDataProvider data, List<byte[]> seeds, List<String> tokens) {
        byte[] bytes = data.pickValue(seeds);
        int edits = data.consumeInt(1, MAX_EDITS);
        for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
            bytes = edit(data, bytes, tokens);
        }
        return bytes;
    }

    /** One of the texts, mutated as UTF-8 and read back (malformed sequences become U+FFFD). */
    public static String ofText(FuzzedDataProvider data, List<String> seeds, List<String> tokens) {
        List<byte[]> bytes = seeds.stream().map(seed -> seed.getBytes(StandardCharsets.UTF_8)).toList();
        return new String(of(data, bytes, tokens), StandardCharsets.UTF_8);
    }

    private static byte[] edit(FuzzedDataProvider data, byte[] bytes, List<String> tokens) {
        Edit edit = data.pickValue(Edit.values());
        int at = data.consumeInt(0, bytes.length);
        int end = Math.min(bytes.length, at + data.consumeInt(1, 32));
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
        out.write(bytes, 0, at);
        switch (edit) {
            case OVERWRITE -> {
                byte[] written = data.consumeBytes(end - at);
                out.writeBytes(written);
                at = Math.min(bytes.length, at + written.length);
            }
            case INSERT -> out.writeBytes(data.consumeBytes(8));
            case TOKEN -> out.writeBytes(data.pickValue(TOKENS).getBytes(StandardCharsets.UTF_8));
            case FORMAT_TOKEN -> out.writeBytes((tokens.isEmpty() ? "" : data.pickValue(tokens))
                    .getBytes(StandardCharsets.UTF_8));
            case DUPLICATE -> out.write(bytes, at, end - at);
            case DELETE -> at = end;
            case TRUNCATE -> at = bytes.length;
        }
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }
}
