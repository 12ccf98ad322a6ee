package io.parley.common.api.condition;

/**
 * A condition that {@link ConditionParser} refuses: where (the 1-based position of the character in the text) and
 * why, in words a user can act on, e.g. {@code unknown attribute BroadWorks-spID at character 1}.
 */
public final class ConditionException extends Exception {

    private final int position;
    private final String reason;

    public ConditionException(int position, String reason) {
        super(reason + " at character " + position, null, false, false);
        this.position = position;
        this.reason = reason;
    }

    /** The 1-based position of the character where the condition goes wrong. */
    public int position() {
        return position;
    }

    /** What is wrong there, without the position. */
    public String reason() {
        return reason;
    }
}
