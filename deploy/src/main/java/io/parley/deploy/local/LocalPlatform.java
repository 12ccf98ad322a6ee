package io.parley.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.parley.common.embedded.EmbeddedKafkaBroker;
import io.parley.common.embedded.EmbeddedPostgresServer;
import io.parley.common.embedded.FreePorts;
import io.parley.common.embedded.IdentityKeyPair;

/**
 * The whole platform on one machine: PostgreSQL and Kafka (embedded, or external ones given in the environment),
 * then directory-, call- and crypto-service (as many instances of each as asked for, sharing its work), then the
 * gateway, each waited for until healthy. Stops everything, in reverse order, on close or Ctrl-C.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalPlatform.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final String DATABASE = "parley";

    private final LocalSettings settings;
    private final List<AutoCloseable> infrastructure = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private EmbeddedPostgresServer embeddedPostgres;
    private EmbeddedKafkaBroker embeddedKafka;
    private LocalSettings.Database database;
    private String kafka;
    private IdentityKeyPair identityKeys;
    private int gatewayPort;

    private LocalPlatform(LocalSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws InterruptedException {
        Path repository = Path.of(System.getProperty("parley.repository", ".")).toAbsolutePath().normalize();
        LocalSettings settings = LocalSettings.fromEnvironment(System.getenv(), repository);
        CountDownLatch stopped = new CountDownLatch(1);
        LocalPlatform platform = new LocalPlatform(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping Parley...");
            platform.close();
            LOG.info("Parley stopped.");
            stopped.countDown();
        }, "parley-shutdown"));
        try {
            platform.startAll();
        } catch (RuntimeException e) {
            LOG.errorf("The platform did not start: %s", e.getMessage());
            System.exit(1);
        }
        LOG.info(platform.banner());
        stopped.await();
    }

    /** Starts the platform and returns once every service is ready. */
    public static LocalPlatform start(LocalSettings settings) {
        LocalPlatform platform = new LocalPlatform(settings);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() {
        Path data = settings.dataDirectory();
        LocalSettings.Ports ports = settings.ports();
        database = settings.externalDatabase().orElseGet(() -> {
            embeddedPostgres = EmbeddedPostgresServer.start(data.resolve("postgres"), ports.postgres(), DATABASE);
            infrastructure.add(embeddedPostgres);
            return new LocalSettings.Database(embeddedPostgres.jdbcUrl(), EmbeddedPostgresServer.USER,
                    EmbeddedPostgresServer.PASSWORD);
        });
        kafka = settings.externalKafka().orElseGet(() -> {
            embeddedKafka = EmbeddedKafkaBroker.start(data.resolve("kafka"), ports.kafka());
            infrastructure.add(embeddedKafka);
            return embeddedKafka.bootstrapServers();
        });

        // the gateway signs callers' identity tokens with the private key; the services verify them with the public one
        identityKeys = IdentityKeyPair.in(data.resolve("keys"));

        int directoryPort = FreePorts.orFree(ports.directory());
        int callPort = FreePorts.orFree(ports.call());
        int cryptoPort = FreePorts.orFree(ports.crypto());
        gatewayPort = FreePorts.orFree(ports.gateway());
        LocalSettings.Management management = ports.management();

        Map<String, String> directoryEnv = backendEnvironment();
        directoryEnv.put("PARLEY_BOOTSTRAP_ROOT_LOGIN", settings.rootLogin());
        directoryEnv.put("PARLEY_BOOTSTRAP_ROOT_PASSWORD", settings.rootPassword());
        Map<String, String> cryptoEnv = backendEnvironment();
        cryptoEnv.put("PARLEY_CRYPTO_MASTER_KEY", settings.cryptoMasterKey());
        Map<String, String> callEnv = callEnvironment(data, cryptoPort);
        // crypto-service asks the directory about a tenant or user its replica has not heard of yet
        cryptoEnv.put("PARLEY_DIRECTORY_URL", "http://localhost:" + directoryPort);
        environments.putAll(Map.of("directory-service", directoryEnv, "call-service", callEnv,
                "crypto-service", cryptoEnv));
        List<ServiceProcess> backends = List.of(
                startService("directory-service", 1, directoryPort, management.directory(), directoryEnv),
                startService("call-service", 1, callPort, management.call(), callEnv),
                startService("crypto-service", 1, cryptoPort, management.crypto(), cryptoEnv));
        backends.forEach(service -> service.awaitReady(READY_TIMEOUT));
        // more instances join once the first have made the schemas and the root user, as a rolling scale-out would
        LocalSettings.Instances instances = settings.instances();
        List<ServiceProcess> more = new ArrayList<>();
        for (int instance = 2; instance <= instances.directory(); instance++) {
            more.add(startService("directory-service", instance, FreePorts.pick(), 0, directoryEnv));
        }
        for (int instance = 2; instance <= instances.call(); instance++) {
            more.add(startService("call-service", instance, FreePorts.pick(), 0, callEnv));
        }
        for (int instance = 2; instance <= instances.crypto(); instance++) {
            more.add(startService("crypto-service", instance, FreePorts.pick(), 0, cryptoEnv));
        }
        more.forEach(service -> service.awaitReady(READY_TIMEOUT));

        Map<String, String> gatewayEnv = new HashMap<>(Map.of(
                "PARLEY_GATEWAY_DIRECTORY_URL", "http://localhost:" + directoryPort,
                "PARLEY_GATEWAY_CALL_URL", "http://localhost:" + callPort,
                "PARLEY_GATEWAY_CRYPTO_URL", "http://localhost:" + cryptoPort,
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "SMALLRYE_JWT_SIGN_KEY_LOCATION", identityKeys.privateKeyLocation()));
        ServiceProcess gateway = startService("gateway", 1, gatewayPort, management.gateway(), gatewayEnv);
        gateway.awaitReady(READY_TIMEOUT);
    }

    private Map<String, String> backendEnvironment() {
        return new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", database.user(),
                "QUARKUS_DATASOURCE_PASSWORD", database.password(),
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", identityKeys.publicKeyLocation()));
    }

    /**
     * Audio in the data directory; playback URLs signed with a key kept there, pointing at the gateway; data keys of
     * encrypted recordings opened by crypto-service.
     */
    private Map<String, String> callEnvironment(Path data, int cryptoPort) {
        Map<String, String> environment = backendEnvironment();
        environment.put("PARLEY_CRYPTO_URL", "http://localhost:" + cryptoPort);
        environment.put("PARLEY_AUDIO_FILESYSTEM_DIRECTORY", data.resolve("audio").toAbsolutePath().toString());
        environment.put("PARLEY_AUDIO_SIGNED_URLS_KEYS", "local:" + signingSecret(data.resolve("keys")));
        environment.put("PARLEY_AUDIO_SIGNED_URLS_BASE_URL", "http://localhost:" + gatewayPort);
        return environment;
    }

    /** The secret of the signed playback URLs, made on the first start of a data directory and kept after. */
    private static String signingSecret(Path keys) {
        Path file = keys.resolve("audio-signing.key");
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Files.createDirectories(keys);
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the signing key in " + file, e);
        }
    }

    /**
     * Starts an instance of a service: the settings' environment, then what the launcher sets. An instance after the
     * first is named {@code <service>-<instance>}. A management port of 0 is any free one.
     */
    private ServiceProcess startService(String service, int instance, int port, int managementPort,
            Map<String, String> environment) {
        return startService(service, instance == 1 ? service : service + "-" + instance, port, managementPort,
                environment);
    }

    private ServiceProcess startService(String service, String name, int port, int requestedManagementPort,
            Map<String, String> environment) {
        int managementPort = FreePorts.orFree(requestedManagementPort);
        LOG.infof("Starting %s on port %d (management %d)", name, port, managementPort);
        Map<String, String> processEnvironment = new HashMap<>(settings.environment());
        processEnvironment.putAll(environment);
        ServiceProcess process = ServiceProcess.start(service, name, settings.repository(),
                settings.dataDirectory().resolve("logs"), port, managementPort, processEnvironment);
        services.add(process);
        return process;
    }

    /**
     * Starts one more instance of a backend service on a free port, with the environment its instances have and
     * {@code overrides} on top (another database, another consumer group), and returns once it is ready. The caller
     * stops it; the platform stops it too when it closes.
     */
    ServiceProcess startAnother(String service, String name, Map<String, String> overrides) {
        Map<String, String> environment = environments.get(service);
        if (environment == null) {
            throw new IllegalArgumentException("No backend service " + service);
        }
        Map<String, String> another = new HashMap<>(environment);
        another.putAll(overrides);
        ServiceProcess process = startService(service, name, FreePorts.pick(), 0, another);
        process.awaitReady(READY_TIMEOUT);
        return process;
    }

    public String apiUrl() {
        return "http://localhost:" + gatewayPort + "/api/v2";
    }

    public String kafkaBootstrapServers() {
        return kafka;
    }

    /** The key pair the gateway signs identity tokens with and the services verify them with. */
    public IdentityKeyPair identityKeys() {
        return identityKeys;
    }

    public LocalSettings.Database database() {
        return database;
    }

    /** The started service instance of that name, for its address and log. */
    public String serviceUrl(String name) {
        return service(name).baseUrl();
    }

    /** The management interface of the started service instance of that name: health, metrics, OpenAPI. */
    public String managementUrl(String name) {
        return service(name).managementUrl();
    }

    /** The embedded PostgreSQL, for tests that restart it; absent when an external one is used. */
    Optional<EmbeddedPostgresServer> embeddedPostgres() {
        return Optional.ofNullable(embeddedPostgres);
    }

    /** The embedded Kafka broker, for tests that stop it; absent when an external one is used. */
    Optional<EmbeddedKafkaBroker> embeddedKafka() {
        return Optional.ofNullable(embeddedKafka);
    }

    /** The process id of the started service of that name (a benchmark reads its memory from the system). */
    public long servicePid(String name) {
        return service(name).pid();
    }

    public Path serviceLog(String name) {
        return service(name).log();
    }

    /** The started service instance of that name ({@code call-service}, {@code call-service-2}). */
    ServiceProcess service(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name));
    }

    String banner() {
        String gateway = "http://localhost:" + gatewayPort;
        return String.join(System.lineSeparator(),
                "",
                "Parley is running.",
                "  API:        " + apiUrl(),
                "  OpenAPI:    " + gateway + "/openapi (YAML; ?format=json for JSON), Swagger UI: " + gateway
                        + "/swagger-ui",
                "  Health:     " + managementUrl("gateway") + "/q/health/ready (gateway; services: "
                        + String.join(", ", managementUrl("directory-service"), managementUrl("call-service"),
                                managementUrl("crypto-service"))
                        + ")",
                "  Metrics:    " + String.join(", ", Stream.of("gateway", "directory-service", "call-service",
                        "crypto-service").map(name -> managementUrl(name) + "/q/metrics").toList())
                        + " (Prometheus text; docs/operations.md)",
                "  Root login: " + settings.rootLogin()
                        + ", password from PARLEY_ROOT_PASSWORD or the README's development default"
                        + " (set on the first start of this data directory)",
                "  Try:        curl -u " + settings.rootLogin() + " " + apiUrl() + "/tenants.json   (asks for it)",
                "  Data:       " + settings.dataDirectory(),
                "  Logs:       " + settings.dataDirectory().resolve("logs")
                        + " (<service>.log, JSON lines, rotated by size: docs/operations.md)",
                "Press Ctrl-C to stop.");
    }

    /** Stops the services (gateway first), then Kafka, then PostgreSQL. */
    @Override
    public synchronized void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop(STOP_GRACE);
        }
        services.clear();
        for (int i = infrastructure.size() - 1; i >= 0; i--) {
            try {
                infrastructure.get(i).close();
            } catch (Exception e) {
                LOG.warnf("Could not stop cleanly: %s", e.getMessage());
            }
        }
        infrastructure.clear();
    }
}
