package io.parley.call.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.Percentiles;
import io.parley.common.events.CallEvents;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Measures recorder ingest through the real broker into the real database, every call associated with a tenant, an
 * agent and a group ({@link #knownAgents}). Not part of the default test run (its name does not end in Test); run it
 * with
 * {@code ./mvnw -pl call-service -am verify -Dtest=RecorderIngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * <ol>
 * <li>Warm-up: {@value #WARM_UP_CALLS} calls published and stored, not measured. The service, the broker and the
 * producer share this JVM; until the JIT compiler has compiled their hot paths it takes a quarter of the machine,
 * which a service in steady state does not pay. Then the wait for autovacuum to have analyzed the call tables once
 * ({@link #awaitStatistics}).</li>
 * <li>Burst: 30,000 calls of three events each published as fast as one producer can; reports events per second until
 * every call is stored and ended, next to a baseline from the same run: a bare Kafka consumer reading the same
 * records without storing them.</li>
 * <li>Paced, once the burst is digested ({@link #awaitRest}): 5,000 events per second for 20 seconds; reports how
 * long a sample of calls took from the publication of their first event until a query found them, p50 and p99, and
 * the p99 of each quarter of the run (a tail that grows is a backlog).</li>
 * </ol>
 * {@link #ingestWithConditionTenants} measures what tenants' conditions cost ingest: run it alone with
 * {@code -Dtest=RecorderIngestBenchmark#ingestWithConditionTenants}.
 */
@QuarkusTest
class RecorderIngestBenchmark {

    private static final Logger LOG = Logger.getLogger(RecorderIngestBenchmark.class);
    private static final String TOPIC = "recording.events";
    private static final int WARM_UP_CALLS = 20_000;
    private static final int BURST_CALLS = 30_000;
    private static final int PACED_RATE = 5_000;
    private static final int PACED_SECONDS = 20;
    private static final int CONDITION_TENANTS = 100;
    private static final int CONDITION_ROUND_CALLS = 15_000;
    private static final int CONDITION_ROUND_PAIRS = 6;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    private static final int SAMPLE_EVERY = 25;

    /** A call's {@code call.ended} as sent: where it went is known once the broker acknowledged it. */
    private record PublishedEnd(UUID call, Future<RecordMetadata> metadata) {
    }

    /** The ends published since the last wait, in the order sent. */
    private final List<PublishedEnd> lastEnded = new ArrayList<>();

    @Test
    void ingestThroughputAndLatency() throws Exception {
        KafkaTopics.create(kafka, CallEvents.TOPIC); // before the first call event, as in production
        knownAgents();
        double[] latency;
        try (KafkaProducer<String, String> producer = recorderProducer()) {
            warmUp(producer);

            UUID burstRecorder = UUID.randomUUID();
            long start = System.nanoTime();
            for (int i = 0; i < BURST_CALLS; i++) {
                publishCall(producer, burstRecorder);
            }
            producer.flush();
            double published = (System.nanoTime() - start) / 1e9;
            awaitEnded(burstRecorder, BURST_CALLS);
            double stored = (System.nanoTime() - start) / 1e9;
            double baseline = bareConsumerRate(3 * (WARM_UP_CALLS + BURST_CALLS));
            awaitRest();

            UUID pacedRecorder = UUID.randomUUID();
            long pacedStart = System.nanoTime();
            long intervalNanos = 3 * 1_000_000_000L / PACED_RATE;
            int pacedCalls = PACED_RATE * PACED_SECONDS / 3;
            try (VisibilitySampler sampler = new VisibilitySampler(dataSource)) {
                for (int i = 0; i < pacedCalls; i++) {
                    LockSupport.parkNanos(pacedStart + i * intervalNanos - System.nanoTime());
                    UUID call = publishCall(producer, pacedRecorder);
                    if (i % SAMPLE_EVERY == 0) {
                        sampler.watch(call);
                    }
                }
                producer.flush();
                awaitEnded(pacedRecorder, pacedCalls);
                latency = sampler.percentilesMillis();
            }

            LOG.infof("%nRecorder ingest (%d events each burst)%n"
                    + "%-44s %10.0f events/s%n%-44s %10.0f events/s%n%-44s %10.0f events/s  (ingest/baseline %.2f)%n"
                    + "%-44s %10.0f ms p50, %.0f ms p99 (%d calls sampled)%n"
                    + "%-44s %10.0f / %.0f / %.0f / %.0f ms%n",
                    3 * BURST_CALLS,
                    "producer, publishing", 3 * BURST_CALLS / published,
                    "ingest, publish to every call stored", 3 * BURST_CALLS / stored,
                    "baseline: bare consumer, no database", baseline, 3 * BURST_CALLS / stored / baseline,
                    "paced " + PACED_RATE + "/s: published to found", latency[0], latency[1],
                    pacedCalls / SAMPLE_EVERY, "  p99 of each quarter of the paced run", latency[2], latency[3],
                    latency[4], latency[5]);
        }
    }

    /**
     * The cost of 100 condition tenants ({@code associate_calls: condition}) to ingest, against ingest without them in
     * the same run: after the warm-up, rounds of 15,000 calls alternate between the two (ABBA order, so that a drift
     * of the machine's load through the run weighs on both alike), and each pair gives the ratio of their rates.
     * Every call is evaluated against every condition (tenants' own settings come before extensions) and matches
     * none, so it is still associated by extension as in {@link #ingestThroughputAndLatency}: the difference is the
     * evaluation. Half the conditions compare attributes the calls report (numbers, name, protocol), half BroadWorks
     * ids they lack, as the reference's example does.
     */
    @Test
    void ingestWithConditionTenants() throws Exception {
        KafkaTopics.create(kafka, CallEvents.TOPIC);
        knownAgents();
        conditionTenants();
        conditionTenantsLive(true); // the warm-up compiles and plans the evaluation's paths too
        try (KafkaProducer<String, String> producer = recorderProducer()) {
            warmUp(producer);

            double[] without = new double[CONDITION_ROUND_PAIRS];
            double[] with = new double[CONDITION_ROUND_PAIRS];
            double[] ratios = new double[CONDITION_ROUND_PAIRS];
            for (int pair = 0; pair < CONDITION_ROUND_PAIRS; pair++) {
                boolean conditionsFirst = pair % 2 == 1;
                for (boolean conditions : new boolean[] { conditionsFirst, !conditionsFirst }) {
                    conditionTenantsLive(conditions);
                    awaitRest();
                    double rate = roundRate(producer);
                    (conditions ? with : without)[pair] = rate;
                }
                ratios[pair] = with[pair] / without[pair];
                LOG.infof("pair %d: without conditions %.0f events/s, with %d condition tenants %.0f (ratio %.3f)",
                        pair + 1, without[pair], CONDITION_TENANTS, with[pair], ratios[pair]);
            }
            conditionTenantsLive(false);
            LOG.infof("%nRecorder ingest with %d condition tenants (%d pairs of rounds of %d events)%n"
                    + "%-44s %10.0f events/s%n%-44s %10.0f events/s%n%-44s %10.3f (pairs: %.3f to %.3f)%n",
                    CONDITION_TENANTS, CONDITION_ROUND_PAIRS, 3 * CONDITION_ROUND_CALLS,
                    "without condition tenants, median", Percentiles.of(without, 0.5),
                    "with condition tenants, median", Percentiles.of(with, 0.5),
                    "with / without, median of the pairs", Percentiles.of(ratios, 0.5),
                    Percentiles.of(ratios, 0), Percentiles.of(ratios, 1));
        }
    }

    /**
     * A producer as a recorder's client: sends wait up to 10 ms to go out together, so that the broker, which shares
     * the machine with the service, takes requests of many events rather than one each. The wait counts in the
     * latency.
     */
    private KafkaProducer<String, String> recorderProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
                new StringSerializer());
    }

    /** The warm-up's calls stored, not measured, then the wait for the call tables' first statistics. */
    private void warmUp(KafkaProducer<String, String> producer) throws Exception {
        UUID recorder = UUID.randomUUID();
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            publishCall(producer, recorder);
        }
        producer.flush();
        awaitEnded(recorder, WARM_UP_CALLS);
        awaitStatistics();
    }

    /** Events per second of one round: its calls published at once, until every one is stored and ended. */
    private double roundRate(KafkaProducer<String, String> producer) throws Exception {
        UUID recorder = UUID.randomUUID();
        long start = System.nanoTime();
        for (int i = 0; i < CONDITION_ROUND_CALLS; i++) {
            publishCall(producer, recorder);
        }
        producer.flush();
        awaitEnded(recorder, CONDITION_ROUND_CALLS);
        return 3 * CONDITION_ROUND_CALLS / ((System.nanoTime() - start) / 1e9);
    }

    /** The condition tenants, deleted (as the replica keeps a deleted tenant) when a round goes without them. */
    private void conditionTenants() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO known_tenant (id, name, changed_at, received_at, associate_calls,"
                    + " associate_calls_condition, deleted_at) SELECT md5('condition tenant ' || t)::uuid,"
                    + " 'Condition tenant ' || t, now(), now(), 'condition', CASE WHEN t % 2 = 0"
                    + " THEN '(Call-fromNumber STARTS WITH \"9' || t || '\" OR Call-toNumber = \"+4420' || t || '\")"
                    + " AND Call-voipProtocol = \"1\" AND NOT Call-fromName CONTAINS \"Test\"'"
                    + " ELSE 'BroadWorks-serviceProviderID = \"Provider' || t || '\""
                    + " AND BroadWorks-groupID = \"Group' || t || '\"' END, now()"
                    + " FROM generate_series(1, " + CONDITION_TENANTS + ") t ON CONFLICT DO NOTHING");
        }
    }

    private void conditionTenantsLive(boolean live) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("UPDATE known_tenant SET deleted_at = " + (live ? "NULL" : "now()")
                    + " WHERE associate_calls = 'condition'");
        }
    }

    /**
     * The directory as call-service holds it (the replica tables the directory's events fill), the size of the search
     * benchmark's: 100 tenants that find their calls by extension, 1,000 groups, and 100,000 agents, one for each
     * extension the calls come from. Every call is then associated as in production: its tenant found by extension,
     * its agent's participant given the user, the call the user's group.
     */
    private void knownAgents() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO known_tenant (id, name, changed_at, received_at) SELECT"
                    + " md5('benchmark tenant ' || t)::uuid, 'Tenant ' || t, now(), now() FROM generate_series(0, 99) t"
                    + " ON CONFLICT DO NOTHING");
            sql.execute("INSERT INTO known_user (id, tenant_id, group_id, name, login, changed_at) SELECT"
                    + " md5('benchmark agent ' || e)::uuid, md5('benchmark tenant ' || e % 100)::uuid,"
                    + " md5('benchmark group ' || e % 1000)::uuid, 'Agent ' || e, 'agent' || e, now()"
                    + " FROM generate_series(100000, 199999) e ON CONFLICT DO NOTHING");
            sql.execute("INSERT INTO known_user_extension (user_id, tenant_id, extension) SELECT"
                    + " md5('benchmark agent ' || e)::uuid, md5('benchmark tenant ' || e % 100)::uuid, e::text"
                    + " FROM generate_series(100000, 199999) e ON CONFLICT DO NOTHING");
        }
    }

    /**
     * A call's three events: started with its participants, connected, ended; occurred_at is the moment sent. Built by
     * concatenation: {@code String.formatted} made the producer, which shares the machine, cost as much as parsing.
     */
    private UUID publishCall(KafkaProducer<String, String> producer, UUID recorder) {
        UUID id = UUID.randomUUID();
        String call = id.toString();
        String number = Integer.toString(100_000 + Math.floorMod(call.hashCode(), 100_000));
        send(producer, call, recorder, "call.started", "{\"call_id\": \"" + call + "\", \"call_state\": 1,"
                + " \"voip_protocol\": 1, \"setup_time\": \"" + Instant.now() + "\", \"from_number\": \"" + number
                + "\", \"to_number\": \"+15551234567\", \"from_name\": \"Agent " + number + "\", \"participants\": ["
                + "{\"participant_id\": \"1\", \"party_direction\": 1, \"party_number\": \"" + number + "\"},"
                + " {\"participant_id\": \"2\", \"party_direction\": 2, \"party_number\": \"+15551234567\"}]}");
        send(producer, call, recorder, "call.updated", "{\"call_id\": \"" + call + "\", \"call_state\": 4,"
                + " \"connect_time\": \"" + Instant.now() + "\"}");
        Future<RecordMetadata> ended = send(producer, call, recorder, "call.ended", "{\"call_id\": \"" + call
                + "\", \"call_state\": 6, \"disconnect_time\": \"" + Instant.now() + "\"}");
        lastEnded.add(new PublishedEnd(id, ended));
        return id;
    }

    private static Future<RecordMetadata> send(KafkaProducer<String, String> producer, String call, UUID recorder,
            String type, String body) {
        return producer.send(new ProducerRecord<>(TOPIC, call, "{\"event_id\": \"" + UUID.randomUUID()
                + "\", \"type\": \"" + type + "\", \"occurred_at\": \"" + Instant.now() + "\", \"recorder_id\": \""
                + recorder + "\", \"call\": " + body + "}"));
    }

    /**
     * Waits until every call of the recorder is stored and ended. The consumer applies a partition's records in
     * order, so the wait watches only the last call ended on each partition (a lookup by key, cheap enough not to
     * slow what it measures), then counts once.
     */
    private void awaitEnded(UUID recorder, int calls) throws Exception {
        Map<Integer, UUID> lastByPartition = new HashMap<>();
        for (PublishedEnd end : lastEnded) {
            lastByPartition.put(end.metadata().get().partition(), end.call()); // in send order, so the last wins
        }
        lastEnded.clear();
        Awaitility.await("ingest of every call").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> count("SELECT count(*) FROM call WHERE call_id = ANY(?) AND ended_at IS NOT NULL",
                        connection -> connection.createArrayOf("uuid", lastByPartition.values().toArray())) == lastByPartition
                                .size()
                        && count("SELECT count(*) FROM call WHERE recorder_id = ? AND ended_at IS NOT NULL",
                                connection -> recorder) == calls);
    }

    /**
     * Waits until the burst is digested: its call events published and no vacuum of its rows running, so that the
     * paced run measures a steady 5,000 events a second, not the recovery from 90,000 at once. The vacuums the paced
     * run's own rows start are part of what it measures.
     */
    private void awaitRest() {
        Awaitility.await("the burst digested").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> count("SELECT count(*) FROM outbox_event WHERE topic = ?", connection -> CallEvents.TOPIC)
                        + count("SELECT count(*) FROM pg_stat_activity WHERE backend_type = ?",
                                connection -> "autovacuum worker") == 0);
    }

    /**
     * Waits until autovacuum has analyzed the tables a batch reads by call id. A service in steady state has statistics
     * of its tables; planned without any, a batch's participants (looked up by 150 call ids, each assumed to match half
     * a percent of the table) were read with a sequential scan, for the minute autovacuum takes to first visit a new
     * database.
     */
    private void awaitStatistics() {
        Awaitility.await("the call tables analyzed").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("SELECT count(*) FROM pg_stat_user_tables WHERE relname IN ('call', 'call_participant')"
                        + " AND schemaname = ? AND last_autoanalyze IS NOT NULL", Connection::getSchema) == 2);
    }

    private interface Parameter {
        Object of(Connection connection) throws SQLException;
    }

    private long count(String sql, Parameter parameter) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter.of(connection));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** How fast a consumer that stores nothing reads the first {@code records} records of the topic, per second. */
    private double bareConsumerRate(int records) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-baseline-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long start = System.nanoTime();
            int read = 0;
            while (read < records) {
                read += consumer.poll(Duration.ofMillis(100)).count();
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Watches sampled calls from the moment their first event is published until a query finds them, polling the
     * database every 10 ms from its own thread, as a client searching for a new call would.
     */
    private static final class VisibilitySampler implements AutoCloseable {

        /** A sampled call: when its first event was published, and how long until it was found. */
        private record Sample(long sentAt, double millis) {
        }

        private final Map<UUID, Long> pending = new ConcurrentHashMap<>();
        private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        private final Thread poller;
        private volatile boolean running = true;

        VisibilitySampler(DataSource dataSource) {
            poller = new Thread(() -> poll(dataSource), "visibility-sampler");
            poller.start();
        }

        void watch(UUID call) {
            pending.put(call, System.nanoTime());
        }

        private void poll(DataSource dataSource) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement found = connection
                            .prepareStatement("SELECT call_id FROM call WHERE call_id = ANY(?)")) {
                while (running || !pending.isEmpty()) {
                    if (!pending.isEmpty()) {
                        found.setArray(1, connection.createArrayOf("uuid", pending.keySet().toArray()));
                        try (ResultSet rows = found.executeQuery()) {
                            long now = System.nanoTime();
                            while (rows.next()) {
                                Long sent = pending.remove(rows.getObject(1, UUID.class));
                                samples.add(new Sample(sent, (now - sent) / 1e6));
                            }
                        }
                    }
                    Thread.sleep(10);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** p50 and p99 of every sample, then the p99 of each quarter of the run in publication order. */
        double[] percentilesMillis() throws InterruptedException {
            running = false;
            poller.join(Duration.ofMinutes(1).toMillis());
            List<Sample> inOrder = samples.stream().sorted(Comparator.comparingLong(Sample::sentAt)).toList();
            double[] all = millis(inOrder);
            double[] percentiles = { Percentiles.of(all, 0.50), Percentiles.of(all, 0.99), 0, 0, 0, 0 };
            for (int quarter = 0; quarter < 4; quarter++) {
                percentiles[2 + quarter] = Percentiles.of(millis(inOrder.subList(quarter * inOrder.size() / 4,
                        (quarter + 1) * inOrder.size() / 4)), 0.99);
            }
            return percentiles;
        }

        private static double[] millis(List<Sample> samples) {
            return samples.stream().mapToDouble(Sample::millis).toArray();
        }

        @Override
        public void close() {
            running = false;
        }
    }
}
