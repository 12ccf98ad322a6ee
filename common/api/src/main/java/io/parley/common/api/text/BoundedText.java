package io.parley.common.api.text;

/**
 * The rule for text that an index holds or an event carries: at most a number of bytes in UTF-8, well-formed
 * Unicode, and no control characters. Bytes, not characters, are what a B-tree entry (at most 2,704 bytes) and a
 * Kafka record (1 MiB by default) hold: a character takes one to four. Control characters are refused because
 * PostgreSQL cannot store NUL and because JSON escapes each of the others into six bytes ({@code \u0001}), so that
 * a text bounded here takes at most twice its bytes in a JSON document (a quote or backslash takes two). A lone
 * surrogate is no character at all: UTF-8 cannot encode it.
 */
public final class BoundedText {

    /**
     * The bound of every name the API takes (tenants, groups, roles, users, clients and their contacts, encryption
     * keys), of logins and of e-mail addresses: a name is in a unique B-tree index and in every event of its object.
     */
    public static final int NAME_BYTES = 255;

    private BoundedText() {
    }

    /** Whether the text keeps the rule for a field of at most {@code maxBytes} bytes. */
    public static boolean fits(CharSequence text, int maxBytes) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            } else {
                bytes += 3;
            }
            if (bytes > maxBytes) {
                return false;
            }
        }
        return true;
    }

    /** The rule as an error message states it, after the field's name. */
    public static String rule(int maxBytes) {
        return "must be at most " + maxBytes + " bytes of UTF-8 text, without control characters";
    }
}
