package io.parley.common.events.inbox;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;

import org.apache.kafka.common.errors.RetriableException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import com.fasterxml.jackson.core.JacksonException;

import io.parley.common.events.read.MalformedEventException;

/**
 * Tells, from a failure's whole chain (causes, suppressed exceptions, a JDBC exception's next exceptions), whether a
 * consumer should wait and try the same record again or suspect the record; and describes a failure without the
 * values it may carry (only SQLSTATEs, names of tables, columns and constraints, and the messages of the pool and
 * the broker client, which hold none).
 */
public final class Failures {

    /** What a failure says about the record being applied. */
    public enum Kind {
        /**
         * The database or the broker cannot apply any record now: unreachable, shut down, out of resources, read-only
         * after a failover, the pool exhausted, or the service's own SQL refused whatever the record (a missing table,
         * a privilege). Waited out, however long it lasts.
         */
        UNAVAILABLE,
        /** Conflicted with other work: a deadlock, a serialization failure, a lock or statement timeout. */
        CONTENDED,
        /** The record breaks the event contract ({@link MalformedEventException}): nothing else is tried. */
        ABOUT_THE_RECORD,
        /** Anything else: the record alone may be at fault, if the database still answers otherwise. */
        UNCERTAIN
    }

    /** SQLSTATE classes and codes of a database that cannot apply any record now (PostgreSQL appendix A). */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of(
            "08", // connection exception
            "28", // invalid authorization specification
            "3D", // invalid catalog name: the database is gone
            "3F", // invalid schema name
            "42", // syntax error or access rule violation: the statements are the service's, never the record's
            "53", // insufficient resources: disk full, out of memory, too many connections
            "57", // operator intervention: shutdown, cannot connect now (57014, a cancelled statement, is contention)
            "58"); // system error: I/O
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "25006", // read-only SQL transaction: a standby after a failover
            "40003"); // statement completion unknown
    private static final Set<String> CONTENDED_STATES = Set.of(
            "40001", // serialization failure
            "40P01", // deadlock detected
            "55P03", // lock not available: lock_timeout
            "57014"); // query canceled: statement_timeout

    /** Names of the conditions a consumer meets most, for descriptions; other codes are named by their class. */
    private static final Map<String, String> CONDITION_NAMES = Map.of(
            "25006", "read-only SQL transaction",
            "40001", "serialization failure",
            "40P01", "deadlock detected",
            "53300", "too many connections",
            "55P03", "lock not available",
            "57014", "query canceled",
            "57P01", "admin shutdown",
            "57P03", "cannot connect now");

    /** Names of SQLSTATE classes, for descriptions. */
    private static final Map<String, String> CLASS_NAMES = Map.ofEntries(
            Map.entry("08", "connection exception"),
            Map.entry("0A", "feature not supported"),
            Map.entry("21", "cardinality violation"),
            Map.entry("22", "data exception"),
            Map.entry("23", "integrity constraint violation"),
            Map.entry("25", "invalid transaction state"),
            Map.entry("28", "invalid authorization"),
            Map.entry("3D", "invalid catalog name"),
            Map.entry("3F", "invalid schema name"),
            Map.entry("40", "transaction rollback"),
            Map.entry("42", "syntax error or access rule violation"),
            Map.entry("53", "insufficient resources"),
            Map.entry("54", "program limit exceeded"),
            Map.entry("55", "object not in prerequisite state"),
            Map.entry("57", "operator intervention"),
            Map.entry("58", "system error"),
            Map.entry("P0", "PL/pgSQL error"),
            Map.entry("XX", "internal error"));

    private Failures() {
    }

    /** How a consumer should treat the failure; outages first, as waiting is never wrong, only slower. */
    public static Kind kind(Throwable failure) {
        List<Throwable> chain = chain(failure);
        List<String> states = chain.stream().filter(SQLException.class::isInstance)
                .map(e -> ((SQLException) e).getSQLState()).filter(state -> state != null && state.length() == 5)
                .toList();
        if (states.stream().anyMatch(Failures::unavailable) || chain.stream().anyMatch(Failures::unavailable)
        // a JDBC failure with no SQLSTATE at all was raised on the way to the database (the pool), not by it
                || states.isEmpty() && chain.stream().anyMatch(SQLException.class::isInstance)) {
            return Kind.UNAVAILABLE;
        }
        if (states.stream().anyMatch(CONTENDED_STATES::contains) || chain.stream().anyMatch(Failures::contended)) {
            return Kind.CONTENDED;
        }
        if (chain.stream().anyMatch(MalformedEventException.class::isInstance)) {
            return Kind.ABOUT_THE_RECORD;
        }
        return Kind.UNCERTAIN;
    }

    /** The contract's reason for a record that breaks it, if the failure is one. */
    public static Optional<String> contractReason(Throwable failure) {
        return chain(failure).stream().filter(MalformedEventException.class::isInstance).findFirst()
                .map(Throwable::getMessage);
    }

    /** The database's answer to the statement that failed, if it gave one. */
    public static Optional<ServerErrorMessage> serverError(Throwable failure) {
        return chain(failure).stream().filter(PSQLException.class::isInstance)
                .map(e -> ((PSQLException) e).getServerErrorMessage()).filter(message -> message != null)
                .findFirst();
    }

    /**
     * The failure in words, without values: e.g. {@code SQLSTATE 54000 (program limit exceeded), table calls.call,
     * constraint call_from_number_idx}, {@code Acquisition timeout while waiting for new connection},
     * {@code IllegalArgumentException}.
     */
    public static String describe(Throwable failure) {
        Optional<ServerErrorMessage> server = serverError(failure);
        if (server.isPresent()) {
            return describe(server.get());
        }
        List<Throwable> chain = chain(failure);
        for (Throwable link : chain) {
            if (link instanceof SQLException sql && sql.getSQLState() != null) {
                return "SQLSTATE " + sql.getSQLState() + " (" + conditionName(sql.getSQLState()) + ")";
            }
        }
        for (Throwable link : chain) {
            // the pool's, the broker client's and the network's messages name hosts, topics and limits, not values
            if (link instanceof SQLException || link instanceof RetriableException || link instanceof TimeoutException
                    || network(link)) {
                return link.getClass().getSimpleName() + ": " + link.getMessage();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    /** The database's answer by its structured fields only: the message and detail may quote the record's values. */
    private static String describe(ServerErrorMessage server) {
        StringBuilder text = new StringBuilder("SQLSTATE ").append(server.getSQLState()).append(" (")
                .append(conditionName(server.getSQLState())).append(')');
        if (server.getTable() != null) {
            text.append(", table ").append(server.getSchema() == null ? "" : server.getSchema() + ".")
                    .append(server.getTable());
        }
        if (server.getColumn() != null) {
            text.append(", column ").append(server.getColumn());
        }
        if (server.getConstraint() != null) {
            text.append(", constraint ").append(server.getConstraint());
        }
        if (server.getDatatype() != null) {
            text.append(", type ").append(server.getDatatype());
        }
        return text.toString();
    }

    private static String conditionName(String state) {
        return CONDITION_NAMES.getOrDefault(state,
                CLASS_NAMES.getOrDefault(state.substring(0, 2), "class " + state.substring(0, 2)));
    }

    private static boolean unavailable(String state) {
        return UNAVAILABLE_STATES.contains(state)
                || UNAVAILABLE_CLASSES.contains(state.substring(0, 2)) && !CONTENDED_STATES.contains(state);
    }

    private static boolean unavailable(Throwable link) {
        return link instanceof SQLTransientConnectionException || link instanceof SQLNonTransientConnectionException
                || link instanceof SQLRecoverableException || link instanceof RetriableException
                || link instanceof TimeoutException || network(link);
    }

    /** Input and output failures, except those of parsing a record (JSON, character decoding). */
    private static boolean network(Throwable link) {
        return link instanceof IOException && !(link instanceof JacksonException)
                && !(link instanceof CharacterCodingException);
    }

    private static boolean contended(Throwable link) {
        return link instanceof OptimisticLockException || link instanceof PessimisticLockException
                || link instanceof LockTimeoutException || link instanceof QueryTimeoutException;
    }

    /** The failure and everything it links to, each once, the failure first. */
    static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        while (!pending.isEmpty()) {
            Throwable link = pending.poll();
            if (!seen.add(link)) {
                continue;
            }
            chain.add(link);
            List<Throwable> linked = new ArrayList<>(List.of(link.getSuppressed()));
            linked.add(link.getCause());
            if (link instanceof SQLException sql) {
                linked.add(sql.getNextException());
            }
            linked.stream().filter(next -> next != null).forEach(pending::add);
        }
        return chain;
    }
}
