package io.parley.common.events.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.EOFException;
import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.TimeoutException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

import com.fasterxml.jackson.core.JsonParseException;

import io.parley.common.events.inbox.Failures.Kind;
import io.parley.common.events.read.MalformedEventException;
import io.quarkus.narayana.jta.QuarkusTransactionException;

/** Which failures a consumer waits out, which are contention, and which make it suspect the record. */
class FailuresTest {

    @Test
    void connectionFailuresAndAnExhaustedPoolAreWaitedOut() {
        assertEquals(Kind.UNAVAILABLE, Failures.kind(new SQLException("Exception while creating new connection",
                new PSQLException("Connection to localhost:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                        new ConnectException("Connection refused")))));
        assertEquals(Kind.UNAVAILABLE, Failures.kind(new PersistenceException(new JDBCConnectionException(
                "could not execute statement", new PSQLException("An I/O error occurred while sending to the backend.",
                        PSQLState.CONNECTION_FAILURE, new EOFException())))));
        // Agroal's acquisition timeout, as Hibernate wraps it: no SQLSTATE, no cause
        assertEquals(Kind.UNAVAILABLE, Failures.kind(new PersistenceException(new GenericJDBCException(
                "Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!")))));
    }

    @Test
    void aDatabaseShutDownReadOnlyOrOutOfResourcesIsWaitedOut() {
        for (String state : new String[] { "57P01", "57P03", "25006", "53100", "53300", "58030", "40003", "28P01",
                "3D000", "42P01" }) {
            assertEquals(Kind.UNAVAILABLE, Failures.kind(server(state, "")), state);
        }
    }

    @Test
    void anUnreachableBrokerIsWaitedOut() {
        assertEquals(Kind.UNAVAILABLE, Failures.kind(new TimeoutException("Topic t not present in metadata")));
        assertEquals(Kind.UNAVAILABLE, Failures.kind(new IllegalStateException(new NotLeaderOrFollowerException())));
    }

    @Test
    void deadlocksSerializationFailuresAndLockTimeoutsAreContention() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "40P01", new int[0]);
        batch.setNextException(server("40P01", ""));
        assertEquals(Kind.CONTENDED, Failures.kind(new QuarkusTransactionException(batch)));
        assertEquals(Kind.CONTENDED, Failures.kind(server("40001", "")));
        IllegalStateException suppressing = new IllegalStateException("rollback");
        suppressing.addSuppressed(server("55P03", ""));
        assertEquals(Kind.CONTENDED, Failures.kind(suppressing));
        assertEquals(Kind.CONTENDED, Failures.kind(new OptimisticLockException("row was updated")));
    }

    @Test
    void aRecordBreakingTheContractIsTheRecordsFault() {
        assertEquals(Kind.ABOUT_THE_RECORD, Failures.kind(new QuarkusTransactionException(
                new MalformedEventException("call.participants", "must be an array of at most 100 participants"))));
    }

    @Test
    void refusalsAndProgramErrorsAreUncertainUntilTheDatabaseIsAsked() {
        for (String state : new String[] { "54000", "23505", "23514", "22021", "22P02", "P0001", "XX000" }) {
            assertEquals(Kind.UNCERTAIN, Failures.kind(server(state, "")), state);
        }
        assertEquals(Kind.UNCERTAIN, Failures.kind(new NullPointerException()));
        assertEquals(Kind.UNCERTAIN, Failures.kind(new JsonParseException(null, "Unexpected character")));
    }

    @Test
    void anOutageWinsOverARefusalInTheSameChain() {
        SQLException refused = server("54000", "");
        refused.setNextException(server("57P01", ""));
        assertEquals(Kind.UNAVAILABLE, Failures.kind(refused));
    }

    @Test
    void aRefusalIsDescribedByItsNamesNeverByTheValuesTheDatabaseQuotes() {
        String description = Failures.describe(new PersistenceException(server("23514",
                "scalls\0tcall\0ncall_from_number_check\0DFailing row contains (secret-value)\0")));

        assertEquals("SQLSTATE 23514 (integrity constraint violation), table calls.call, constraint "
                + "call_from_number_check", description);
        assertFalse(description.contains("secret-value"));
    }

    @Test
    void aFailureWithoutADatabaseAnswerIsDescribedByItsKind() {
        assertEquals("SQLException: Sorry, acquisition timeout!", Failures.describe(
                new PersistenceException(new SQLException("Sorry, acquisition timeout!"))));
        assertEquals("IllegalArgumentException", Failures.describe(new RuntimeException(
                new IllegalArgumentException("Invalid UUID string: secret-value"))));
    }

    /** A PostgreSQL error as the driver reports it, with more fields of the server's answer. */
    private static PSQLException server(String state, String fields) {
        return new PSQLException(new ServerErrorMessage("SERROR\0C" + state + "\0Mrefused\0" + fields), false);
    }
}
