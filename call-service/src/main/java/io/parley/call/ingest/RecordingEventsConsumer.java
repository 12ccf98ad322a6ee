package io.parley.call.ingest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.parley.common.events.inbox.MalformedEventException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes what recorders publish on {@code recording.events}, a poll's worth of records at a time, into the call
 * tables. A record that breaks the contract goes to the dead-letter topic with the reason and the others go on. When
 * the database refuses a whole batch, each event is tried alone, so that one event the database cannot store goes
 * to the dead-letter topic instead of holding up the partition; when the database cannot be reached, the batch fails,
 * the channel reports unhealthy and the records are read again after a restart.
 */
@ApplicationScoped
public class RecordingEventsConsumer {

    public static final String CHANNEL = "recording-events";
    private static final Logger LOG = Logger.getLogger(RecordingEventsConsumer.class);

    private final RecorderEventReader reader;
    private final CallWriter writer;
    private final DeadLetters deadLetters;

    RecordingEventsConsumer(RecorderEventReader reader, CallWriter writer, DeadLetters deadLetters) {
        this.reader = reader;
        this.writer = writer;
        this.deadLetters = deadLetters;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<RecorderEvent> events = new ArrayList<>(records.count());
        List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(reader.read(record.value()));
                sources.add(record);
            } catch (MalformedEventException e) {
                deadLetters.send(record, e.getMessage());
            }
        }
        if (events.isEmpty()) {
            return;
        }
        try {
            int applied = QuarkusTransaction.requiringNew().call(() -> writer.apply(events));
            LOG.debugf("Applied %d of %d recorder events", applied, events.size());
        } catch (RuntimeException batchFailure) {
            if (!refusedByTheDatabase(batchFailure)) {
                throw batchFailure;
            }
            LOG.warnf("A batch of %d recorder events was refused (%s); applying them one by one", events.size(),
                    rootMessage(batchFailure));
            for (int i = 0; i < events.size(); i++) {
                applyAlone(events.get(i), sources.get(i));
            }
        }
    }

    private void applyAlone(RecorderEvent event, ConsumerRecord<String, byte[]> source) {
        try {
            QuarkusTransaction.requiringNew().call(() -> writer.apply(List.of(event)));
        } catch (RuntimeException e) {
            if (!refusedByTheDatabase(e)) {
                throw e;
            }
            deadLetters.send(source, "The database refused the event: " + rootMessage(e));
        }
    }

    /** Data and integrity errors (SQLSTATE classes 22 and 23) come from the events; anything else from the system. */
    private static boolean refusedByTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    String state = next.getSQLState();
                    if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
