package io.parley.deploy.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the local platform runs, read from the environment. Every value has a development default; external
 * PostgreSQL and Kafka replace the embedded ones when their addresses are given.
 *
 * @param repository the checkout whose built services are run
 * @param dataDirectory where the embedded PostgreSQL and Kafka keep their data, and the services their logs
 * @param externalDatabase JDBC URL, user and password of a PostgreSQL to use instead of the embedded one
 * @param externalKafka bootstrap servers of a Kafka to use instead of the embedded one
 * @param gatewayOverrides the gateway's cache and throttle settings ({@code PARLEY_GATEWAY_CREDENTIALS_*},
 *        {@code PARLEY_GATEWAY_THROTTLE_*}) given in the environment, passed on as they are
 * @param cryptoMasterKey the master key crypto-service seals app-mode private keys with (base64 of 32 bytes)
 */
public record LocalSettings(Path repository, Path dataDirectory, Ports ports, Optional<Database> externalDatabase,
        Optional<String> externalKafka, String rootLogin, String rootPassword, Map<String, String> gatewayOverrides,
        String cryptoMasterKey) {

    private static final List<String> GATEWAY_PREFIXES = List.of("PARLEY_GATEWAY_CREDENTIALS_",
            "PARLEY_GATEWAY_THROTTLE_");

    /** The root password of a local platform nobody chose one for; printed at start, unlike one that was chosen. */
    public static final String DEVELOPMENT_ROOT_PASSWORD = "parley-dev";

    /**
     * The master key of a local platform nobody chose one for: public, so it protects nothing; a data directory
     * started with it must keep it (app-mode keys sealed under it open with it only).
     */
    public static final String DEVELOPMENT_CRYPTO_MASTER_KEY = "bG9jYWwtZGV2ZWxvcG1lbnQtbWFzdGVyLWtleS0zMmI=";

    /** Listening ports; 0 means any free port. */
    public record Ports(int gateway, int directory, int call, int crypto, int postgres, int kafka) {
    }

    /** A PostgreSQL to connect to. */
    public record Database(String jdbcUrl, String user, String password) {
    }

    public static LocalSettings fromEnvironment(Map<String, String> env, Path repository) {
        Ports ports = new Ports(
                port(env, "PARLEY_GATEWAY_PORT", 8080),
                port(env, "PARLEY_DIRECTORY_PORT", 8081),
                port(env, "PARLEY_CALL_PORT", 8082),
                port(env, "PARLEY_CRYPTO_PORT", 8083),
                port(env, "PARLEY_POSTGRES_PORT", 55432),
                port(env, "PARLEY_KAFKA_PORT", 59092));
        Optional<Database> database = value(env, "PARLEY_DB_URL").map(url -> new Database(url,
                value(env, "PARLEY_DB_USER").orElse("postgres"), value(env, "PARLEY_DB_PASSWORD").orElse("")));
        return new LocalSettings(repository,
                value(env, "PARLEY_DATA_DIR").map(Path::of).orElse(repository.resolve("data")).toAbsolutePath(),
                ports, database, value(env, "PARLEY_KAFKA_BOOTSTRAP_SERVERS"),
                value(env, "PARLEY_ROOT_LOGIN").orElse("root"),
                value(env, "PARLEY_ROOT_PASSWORD").orElse(DEVELOPMENT_ROOT_PASSWORD),
                env.entrySet().stream()
                        .filter(entry -> GATEWAY_PREFIXES.stream().anyMatch(entry.getKey()::startsWith))
                        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)),
                value(env, "PARLEY_CRYPTO_MASTER_KEY").orElse(DEVELOPMENT_CRYPTO_MASTER_KEY));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String text = value(env, name).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + text + "'");
        }
    }
}
