package io.parley.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * One instance of a service of the platform, run from its packaged Quarkus application as a child process. It can be
 * stopped (gracefully, or killed as a crash would) and started again with the same ports and environment.
 */
final class ServiceProcess {

    private static final Logger LOG = Logger.getLogger(ServiceProcess.class);
    /**
     * How much log a service keeps, unless the environment says otherwise: files of 10 MB, the current one and 5
     * before it, so at most 60 MB per instance whatever the load.
     */
    static final Map<String, String> LOG_ROTATION = Map.of(
            "QUARKUS_LOG_FILE_ROTATION_MAX_FILE_SIZE", "10M",
            "QUARKUS_LOG_FILE_ROTATION_MAX_BACKUP_INDEX", "5",
            // a restarted instance goes on writing its file, as one that never stopped would
            "QUARKUS_LOG_FILE_ROTATION_ROTATE_ON_BOOT", "false");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String service;
    private final String name;
    private final int port;
    private final int managementPort;
    private final Path application;
    private final Path repository;
    private final Path log;
    private final Map<String, String> environment;
    private Process process;

    private ServiceProcess(String service, String name, int port, int managementPort, Path application,
            Path repository, Path log, Map<String, String> environment) {
        this.service = service;
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.application = application;
        this.repository = repository;
        this.log = log;
        this.environment = environment;
    }

    /**
     * Starts {@code <repository>/<service>/target/quarkus-app/quarkus-run.jar} with the given environment. It logs to
     * {@code <logs>/<name>.log} itself, rotating the file by size ({@link #LOG_ROTATION}); what the JVM prints outside
     * logging (a crash before logging starts) is appended to {@code <logs>/<name>.out}.
     *
     * @param name the instance's name: the service's for its first instance, {@code <service>-2} for a second
     * @param port the API port
     * @param managementPort the port of health, metrics and OpenAPI
     */
    static ServiceProcess start(String service, String name, Path repository, Path logs, int port, int managementPort,
            Map<String, String> environment) {
        Path application = repository.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(application)) {
            throw new IllegalStateException(application + " is missing: build the platform first (./mvnw package)");
        }
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + logs, e);
        }
        ServiceProcess instance = new ServiceProcess(service, name, port, managementPort, application, repository,
                logs.resolve(name + ".log"), Map.copyOf(environment));
        instance.start();
        return instance;
    }

    /** Starts the instance again, after it stopped or was killed, with the same ports and environment. */
    synchronized void start() {
        if (running()) {
            throw new IllegalStateException(name + " is running");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", application.toString()))
                .directory(repository.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output().toFile()));
        builder.environment().putAll(LOG_ROTATION);
        builder.environment().putAll(environment);
        // the service's own log file, rotated by Quarkus' file handler, instead of an unbounded console
        builder.environment().put("QUARKUS_LOG_FILE_ENABLED", "true");
        builder.environment().put("QUARKUS_LOG_FILE_PATH", log.toAbsolutePath().toString());
        builder.environment().put("QUARKUS_LOG_CONSOLE_ENABLED", "false");
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Waits until the instance reports ready on {@code /q/health/ready} of its management interface. */
    void awaitReady(Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        Process running = process;
        while (System.nanoTime() < deadline) {
            if (!running.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + running.exitValue() + "; see " + log
                        + " and " + output());
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            running.onExit().completeOnTimeout(running, 500, TimeUnit.MILLISECONDS).join();
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    /** Asks the instance to stop (SIGTERM, a graceful Quarkus shutdown), and kills it if it does not in time. */
    void stop(Duration grace) {
        terminate();
        try {
            if (awaitExit(grace).isEmpty()) {
                LOG.warnf("%s did not stop within %s; killing it", name, grace);
                kill();
            }
        } catch (InterruptedException e) {
            synchronized (this) {
                process.destroyForcibly();
            }
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends the instance SIGTERM, as Kubernetes does to stop a pod, and returns at once: it finishes what it has
     * taken on and exits, which {@link #exitCode(Duration)} waits for.
     */
    synchronized void terminate() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** The exit code of the instance's process once it has ended, waited for up to {@code timeout}. */
    OptionalInt exitCode(Duration timeout) {
        try {
            return awaitExit(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name + " to exit", e);
        }
    }

    private OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        Process ending;
        synchronized (this) {
            ending = process;
        }
        if (ending == null) {
            return OptionalInt.empty();
        }
        return ending.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(ending.exitValue())
                : OptionalInt.empty();
    }

    /** Kills the instance at once (SIGKILL), as a crash or an evicted pod would end: nothing runs on the way out. */
    synchronized void kill() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + name, e);
        }
    }

    /** Whether the instance's process is alive. */
    synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** The service this is an instance of, e.g. {@code call-service}. */
    String service() {
        return service;
    }

    String name() {
        return name;
    }

    /** The process id, for what only the operating system tells (its memory in {@code /proc/<pid>/status}). */
    synchronized long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Where health ({@code /q/health}), metrics and the OpenAPI document are served. */
    String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    Path log() {
        return log;
    }

    /** What the JVM prints outside logging: nothing, unless it fails before logging starts. */
    Path output() {
        return log.resolveSibling(name + ".out");
    }
}
