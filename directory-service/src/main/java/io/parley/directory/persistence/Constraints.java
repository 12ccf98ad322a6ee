package io.parley.directory.persistence;

import org.hibernate.exception.ConstraintViolationException;

/**
 * Recognises a database constraint by name in a failed write. Services check their rules before writing; a
 * concurrent request can still slip between check and commit, and the constraint then has the last word.
 */
public final class Constraints {

    private Constraints() {
    }

    /** Whether {@code failure}, or anything that caused it, is a violation of the named constraint. */
    public static boolean violated(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && constraint.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
