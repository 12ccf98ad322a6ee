package io.parley.common.events.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.util.TypeLiteral;

import org.jboss.logging.Logger;
import org.postgresql.util.ServerErrorMessage;

import io.parley.common.events.inbox.Failures.Kind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.faulttolerance.api.TypedGuard;

/**
 * Applies records in a transaction of their own until they are applied or shown to be at fault, so that a consumer
 * neither stops nor skips. While the database or the broker is unavailable ({@link Failures.Kind#UNAVAILABLE}) the
 * same attempt is repeated in place, waiting longer each time up to a cap, however long the outage lasts; contention
 * is retried a bounded number of times; any other failure of a record applied alone is the record's own if the
 * database still takes writes, and otherwise an outage. Each change of state is logged once, never a value.
 *
 * <p>
 * While a consumer waits here, the Kafka connector keeps polling (its partitions paused once its queue is full), so
 * the consumer stays in its group however long the wait; Parley's consumers are configured never to give up on a
 * record that is slow to be acknowledged ({@code throttled.unprocessed-record-max-age.ms=0}).
 */
@ApplicationScoped
public class RetryInPlace {

    /** Work done in the attempt's transaction. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(RetryInPlace.class);

    private final DataSource dataSource;
    private final DatabaseCheck database;
    private final ConsumerSettings settings;
    private final TypedGuard<Optional<Exception>> waits;
    private volatile boolean stopping;

    RetryInPlace(DataSource dataSource, DatabaseCheck database, ConsumerSettings settings) {
        this.dataSource = dataSource;
        this.database = database;
        this.settings = settings;
        long delay = settings.retryDelay().toMillis();
        // retried forever, for as long as an attempt asks to wait; the backoff starts again for each record
        this.waits = TypedGuard.create(new TypeLiteral<Optional<Exception>>() {
        }).withDescription("parley-event-consumers")
                .withRetry().maxRetries(-1).maxDuration(0, ChronoUnit.MILLIS)
                .delay(delay, ChronoUnit.MILLIS).jitter(delay / 2, ChronoUnit.MILLIS)
                .retryOn(WaitAndRetry.class)
                .withExponentialBackoff().factor(2).maxDelay(settings.maxRetryDelay().toMillis(), ChronoUnit.MILLIS)
                .done().done().build();
    }

    /**
     * Applies the records of a batch together.
     *
     * @return {@code true} once applied; {@code false} when the failure may be one record's (then apply each alone)
     */
    public boolean applyTogether(String where, Work work) {
        return settle(new Attempt(where, work, false), Attempt::next).isEmpty();
    }

    /**
     * Applies one record.
     *
     * @return empty once applied; the reason, without values, when the record is at fault and is to be set aside
     */
    public Optional<DeadLetterReason> applyAlone(String where, Work work) {
        return settle(new Attempt(where, work, true), Attempt::next).map(this::reason);
    }

    /** Runs a call to the broker (sending a dead letter) until it succeeds, however long that takes. */
    public void untilDone(String where, Work call) {
        settle(new Attempt(where, call, true), Attempt::untilDone);
    }

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private Optional<Exception> settle(Attempt attempt, Function<Attempt, Optional<Exception>> step) {
        try {
            return waits.call(() -> step.apply(attempt));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException(attempt.where + " stopped waiting", e);
        }
    }

    /** The reason a record is set aside: the contract it breaks, or what the database said, by name. */
    private DeadLetterReason reason(Exception failure) {
        Optional<String> contract = Failures.contractReason(failure);
        if (contract.isPresent()) {
            return DeadLetterReason.contract(contract.get());
        }
        if (Failures.kind(failure) == Kind.CONTENDED) {
            return new DeadLetterReason(DeadLetterReason.Cause.CONTENTION, "The event met contention in "
                    + settings.contendedAttempts() + " attempts: " + Failures.describe(failure));
        }
        Optional<ServerErrorMessage> server = Failures.serverError(failure);
        if (server.isEmpty()) {
            return new DeadLetterReason(DeadLetterReason.Cause.UNEXPECTED,
                    "The event could not be applied: " + Failures.describe(failure));
        }
        String columns = server.get().getColumn() == null && server.get().getConstraint() != null
                ? database.columnsOf(server.get().getSchema(), server.get().getConstraint()).map(names -> ", on " + names)
                        .orElse("")
                : "";
        return new DeadLetterReason(DeadLetterReason.Cause.DATABASE,
                "The database refused the event: " + Failures.describe(failure) + columns);
    }

    /** Bounds how long the attempt's statements wait for locks (the transaction's own setting). */
    private void limitLockWaits() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT set_config('lock_timeout', ?, true)")) {
            statement.setString(1, settings.lockTimeout().toMillis() + "ms");
            statement.execute();
        }
    }

    /** The attempts at one record or batch, and what was last logged about them. */
    private final class Attempt {

        private final String where;
        private final Work work;
        private final boolean alone;
        private int attempts;
        private int contended;
        private int uncertain;
        private String state;

        Attempt(String where, Work work, boolean alone) {
            this.where = where;
            this.work = work;
            this.alone = alone;
        }

        /** @return empty once applied, the failure when it is not one to wait out */
        Optional<Exception> next() {
            checkNotStopping();
            attempts++;
            try {
                QuarkusTransaction.requiringNew().call(() -> {
                    limitLockWaits();
                    work.run();
                    return null;
                });
                resumed();
                return Optional.empty();
            } catch (Exception failure) {
                Kind kind = Failures.kind(failure);
                if (kind == Kind.UNAVAILABLE) {
                    throw waiting("waits for the database or the broker", failure);
                }
                if (kind == Kind.CONTENDED && ++contended < settings.contendedAttempts()) {
                    throw waiting("met contention, trying again", failure);
                }
                if (kind == Kind.UNCERTAIN && alone && ++uncertain < 2) {
                    throw waiting("failed, trying once more before suspecting the record", failure);
                }
                if (alone && kind != Kind.ABOUT_THE_RECORD && !database.takesWrites()) {
                    throw waiting("failed while the database does not take writes, waiting", failure);
                }
                return Optional.of(failure);
            }
        }

        Optional<Exception> untilDone() {
            checkNotStopping();
            attempts++;
            try {
                work.run();
                resumed();
                return Optional.empty();
            } catch (Exception failure) {
                throw waiting("waits for the broker", failure);
            }
        }

        private void checkNotStopping() {
            if (stopping) {
                throw new IllegalStateException(where + " given up: the service is stopping");
            }
        }

        private WaitAndRetry waiting(String what, Exception failure) {
            String now = what + ": " + Failures.describe(failure);
            if (!now.equals(state)) {
                LOG.warnf("%s %s", where, now);
                state = now;
            }
            return WaitAndRetry.INSTANCE;
        }

        private void resumed() {
            if (state != null) {
                LOG.infof("%s went through at attempt %d", where, attempts);
            }
        }
    }

    /** Asks the guard to wait and run the attempt again. */
    private static final class WaitAndRetry extends RuntimeException {

        static final WaitAndRetry INSTANCE = new WaitAndRetry();

        private WaitAndRetry() {
            super(null, null, false, false);
        }
    }
}
