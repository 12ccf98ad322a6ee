package io.parley.directory.persistence;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import io.parley.common.api.error.ApiException;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Recognises a database constraint by name in a failed write. Services check their rules before writing; a
 * concurrent request can still slip between check and commit, and the constraint then has the last word.
 */
public final class Constraints {

    private Constraints() {
    }

    /**
     * Writes the pending changes now, so that a concurrent request that slipped past a service's checks and trips
     * {@code constraint} is answered as the check would have answered it ({@code answer}), not with a server error.
     */
    public static void flushAnswering(String constraint, Supplier<ApiException> answer) {
        flushAnswering(List.of(constraint), answer);
    }

    /** {@link #flushAnswering(String, Supplier)} for a rule that several constraints hold, each answered alike. */
    public static void flushAnswering(List<String> constraints, Supplier<ApiException> answer) {
        try {
            Panache.getEntityManager().flush();
        } catch (PersistenceException e) {
            if (constraints.stream().anyMatch(constraint -> violated(e, constraint))) {
                throw answer.get();
            }
            throw e;
        }
    }

    /** Whether {@code failure}, or anything that caused it, is a violation of the named constraint. */
    public static boolean violated(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && names(violation, constraint)) {
                return true;
            }
        }
        return false;
    }

    /** The driver may report the name alone or qualified by its schema. */
    private static boolean names(ConstraintViolationException violation, String constraint) {
        String reported = violation.getConstraintName();
        return reported != null && (reported.equalsIgnoreCase(constraint)
                || reported.toLowerCase(Locale.ROOT).endsWith("." + constraint.toLowerCase(Locale.ROOT)));
    }
}
