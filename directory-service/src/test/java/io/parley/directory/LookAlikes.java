package io.parley.directory;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Names that look like a given one but differ from it under {@code lower()}: written with the long s ("ſ"), in
 * full-width letters, with "ß" or "ẞ" for "ss", with a soft hyphen and no-break spaces. The name must hold "ss" and
 * spaces, as {@link #NAME} does. Each is given as the content of a JSON string, non-ASCII characters escaped, ready to
 * go into a request body.
 */
public final class LookAlikes {

    /** A name every look-alike form changes. */
    public static final String NAME = "Class Systems";

    private LookAlikes() {
    }

    /** The {@code turn}th look-alike of the name, by turns; turn 0 is the name as given. */
    public static String of(String name, int turn) {
        String lookAlike = switch (turn % 6) {
            case 0 -> name;
            case 1 -> name.replace('s', 'ſ');
            case 2 -> fullWidth(name);
            case 3 -> name.replace("ss", "ß");
            case 4 -> name.toUpperCase(Locale.ROOT).replace("SS", "ẞ");
            default -> name.charAt(0) + "\u00AD" + name.substring(1).replace(' ', '\u00A0');
        };
        return json(lookAlike);
    }

    /** Every look-alike of the name but itself. */
    public static List<String> of(String name) {
        return IntStream.range(1, 6).mapToObj(turn -> of(name, turn)).toList();
    }

    private static String fullWidth(String name) {
        StringBuilder wide = new StringBuilder();
        name.chars().forEach(c -> wide.append(c > ' ' && c <= '~' ? (char) (c - '!' + '\uFF01') : (char) c));
        return wide.toString();
    }

    private static String json(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(c < 0x80 ? String.valueOf((char) c) : "\\u%04x".formatted(c)));
        return escaped.toString();
    }
}
