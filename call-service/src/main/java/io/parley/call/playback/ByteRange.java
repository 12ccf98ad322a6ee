package io.parley.call.playback;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of a {@code Range: bytes=...} header (RFC 9110 14.1.2): {@code a-b}, {@code a-} or the last {@code n}
 * bytes, {@code -n}. Several ranges, another unit or a malformed header are ignored: the whole file is served.
 */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("^\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*$");

    /** What the request asks for: nothing (the whole file), a range, or a range the file cannot satisfy. */
    public sealed interface Requested permits Whole, Satisfiable, Unsatisfiable {
    }

    public record Whole() implements Requested {
    }

    public record Satisfiable(ByteRange range) implements Requested {
    }

    public record Unsatisfiable() implements Requested {
    }

    public long length() {
        return last - first + 1;
    }

    /** The header's range within a file of {@code length} bytes. */
    public static Requested of(String header, long length) {
        if (header == null) {
            return new Whole();
        }
        Matcher range = SINGLE.matcher(header);
        if (!range.matches() || (range.group(1).isEmpty() && range.group(2).isEmpty())) {
            return new Whole();
        }
        Optional<Long> first = number(range.group(1));
        Optional<Long> last = number(range.group(2));
        if ((!range.group(1).isEmpty() && first.isEmpty()) || (!range.group(2).isEmpty() && last.isEmpty())) {
            return new Whole(); // beyond any length: not a range we can read
        }
        if (first.isEmpty()) { // the last n bytes
            long suffix = last.get();
            return suffix == 0 || length == 0 ? new Unsatisfiable()
                    : new Satisfiable(new ByteRange(Math.max(0, length - suffix), length - 1));
        }
        if (last.isPresent() && last.get() < first.get()) {
            return new Whole(); // invalid: ignored, as RFC 9110 asks
        }
        if (first.get() >= length) {
            return new Unsatisfiable();
        }
        return new Satisfiable(new ByteRange(first.get(), Math.min(last.orElse(length - 1), length - 1)));
    }

    private static Optional<Long> number(String digits) {
        if (digits.isEmpty() || digits.length() > 18) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}
