package io.parley.deploy.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How the local platform runs, read from the environment. Every value has a development default; external
 * PostgreSQL and Kafka replace the embedded ones when their addresses are given.
 *
 * @param repository the checkout whose built services are run
 * @param dataDirectory where the embedded PostgreSQL and Kafka keep their data, and the services their logs
 * @param externalDatabase JDBC URL, user and password of a PostgreSQL to use instead of the embedded one
 * @param externalKafka bootstrap servers of a Kafka to use instead of the embedded one
 * @param instances how many processes of each backend service run, sharing its work
 * @param environment the environment the settings were read from, given to every service as well, so that any
 *        service setting ({@code PARLEY_GATEWAY_THROTTLE_*}, {@code KAFKA_*}, ...) can be set for a run
 * @param cryptoMasterKey the master key crypto-service seals app-mode private keys with (base64 of 32 bytes)
 */
public record LocalSettings(Path repository, Path dataDirectory, Ports ports, Instances instances,
        Optional<Database> externalDatabase, Optional<String> externalKafka, String rootLogin, String rootPassword,
        Map<String, String> environment, String cryptoMasterKey) {

    /** The root password of a local platform nobody chose one for: the README's development login, never printed. */
    public static final String DEVELOPMENT_ROOT_PASSWORD = "parley-dev";

    /**
     * The master key of a local platform nobody chose one for: public, so it protects nothing; a data directory
     * started with it must keep it (app-mode keys sealed under it open with it only).
     */
    public static final String DEVELOPMENT_CRYPTO_MASTER_KEY = "bG9jYWwtZGV2ZWxvcG1lbnQtbWFzdGVyLWtleS0zMmI=";

    /**
     * Listening ports; 0 means any free port. Each service has two: its API and its management interface (health,
     * metrics, OpenAPI), which the gateway never forwards to.
     */
    public record Ports(int gateway, int directory, int call, int crypto, int postgres, int kafka, Management management) {
    }

    /** The management interfaces' ports of the first instance of each service. */
    public record Management(int gateway, int directory, int call, int crypto) {
    }

    /** How many processes of directory-, call- and crypto-service run; each at least one. */
    public record Instances(int directory, int call, int crypto) {
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
                port(env, "PARLEY_KAFKA_PORT", 59092),
                new Management(
                        port(env, "PARLEY_GATEWAY_MANAGEMENT_PORT", 9000),
                        port(env, "PARLEY_DIRECTORY_MANAGEMENT_PORT", 9001),
                        port(env, "PARLEY_CALL_MANAGEMENT_PORT", 9002),
                        port(env, "PARLEY_CRYPTO_MANAGEMENT_PORT", 9003)));
        Optional<Database> database = value(env, "PARLEY_DB_URL").map(url -> new Database(url,
                value(env, "PARLEY_DB_USER").orElse("postgres"), value(env, "PARLEY_DB_PASSWORD").orElse("")));
        Instances instances = new Instances(
                count(env, "PARLEY_DIRECTORY_INSTANCES"),
                count(env, "PARLEY_CALL_INSTANCES"),
                count(env, "PARLEY_CRYPTO_INSTANCES"));
        return new LocalSettings(repository,
                value(env, "PARLEY_DATA_DIR").map(Path::of).orElse(repository.resolve("data")).toAbsolutePath(),
                ports, instances, database, value(env, "PARLEY_KAFKA_BOOTSTRAP_SERVERS"),
                value(env, "PARLEY_ROOT_LOGIN").orElse("root"),
                value(env, "PARLEY_ROOT_PASSWORD").orElse(DEVELOPMENT_ROOT_PASSWORD), Map.copyOf(env),
                value(env, "PARLEY_CRYPTO_MASTER_KEY").orElse(DEVELOPMENT_CRYPTO_MASTER_KEY));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        int port = number(env, name, fallback, "a port number");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + port + "'");
        }
        return port;
    }

    private static int count(Map<String, String> env, String name) {
        int count = number(env, name, 1, "a number of instances from 1 to 9");
        if (count < 1 || count > 9) {
            throw new IllegalArgumentException(name + " must be a number of instances from 1 to 9, not " + count);
        }
        return count;
    }

    private static int number(Map<String, String> env, String name, int fallback, String what) {
        String text = value(env, name).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be " + what + ", not '" + text + "'");
        }
    }
}
