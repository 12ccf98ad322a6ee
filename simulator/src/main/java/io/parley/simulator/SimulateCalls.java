package io.parley.simulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Fills a running Parley with calls: creates tenants and agents through the API, then publishes the recorder events
 * of {@code --calls} calls at {@code --rate} calls per second, each call between one of the agents and an outside
 * number. See the README for how to run it.
 */
@Command(name = "simulate-calls", mixinStandardHelpOptions = true, sortOptions = false, description = "Publishes realistic recorder events for simulated tenants and agents.")
public final class SimulateCalls implements Callable<Integer> {

    @Option(names = "--tenants", description = "Tenants to create (default: ${DEFAULT-VALUE}).", defaultValue = "2")
    int tenants;

    @Option(names = "--users", description = "Agents per tenant (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    int usersPerTenant;

    @Option(names = "--calls", description = "Calls to publish (default: ${DEFAULT-VALUE}).", defaultValue = "1000")
    int calls;

    @Option(names = "--rate", description = "Calls per second; each call is 2 to 4 events (default: ${DEFAULT-VALUE}).", defaultValue = "100")
    double rate;

    @Option(names = "--api", description = "The gateway (default: ${DEFAULT-VALUE}).", defaultValue = "${env:PARLEY_API_URL:-http://localhost:8080}")
    URI api;

    @Option(names = "--login", description = "An API user who may create tenants (default: ${DEFAULT-VALUE}).", defaultValue = "${env:PARLEY_ROOT_LOGIN:-root}")
    String login;

    @Option(names = "--password", description = "Their password (default: the local platform's development one, or"
            + " PARLEY_ROOT_PASSWORD).", defaultValue = "${env:PARLEY_ROOT_PASSWORD:-parley-dev}", arity = "0..1", interactive = true)
    String password;

    @Option(names = "--kafka", description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).", defaultValue = "${env:PARLEY_KAFKA_BOOTSTRAP_SERVERS:-localhost:59092}")
    String kafka;

    @Option(names = "--seed", description = "Seed for repeatable runs (default: random).")
    Long seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulateCalls()).execute(args));
    }

    @Override
    public Integer call() {
        if (tenants < 1 || usersPerTenant < 1 || calls < 0 || rate <= 0) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--tenants and --users must be at least 1, --calls at least 0, --rate above 0");
        }
        Random random = seed == null ? new Random() : new Random(seed);
        String run = Integer.toString(100 + random.nextInt(900));
        System.out.printf("Run %s: %d tenants x %d agents, %d calls at %.0f/s to %s%n", run, tenants,
                usersPerTenant, calls, rate, kafka);
        List<Agent> agents = new DirectoryProvisioner(api, login, password).provision(run, tenants, usersPerTenant);
        publish(agents, new CallScript(random, UUID.randomUUID()), random);
        return 0;
    }

    private void publish(List<Agent> agents, CallScript script, Random random) {
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        try (RecorderPublisher publisher = new RecorderPublisher(kafka);
                ProgressBar progress = new ProgressBar("Calls", calls)) {
            for (int i = 0; i < calls; i++) {
                LockSupport.parkNanos(start + i * interval - System.nanoTime());
                publisher.publish(script.call(agents.get(random.nextInt(agents.size())), Instant.now()));
                progress.step();
                if (i % 1_000 == 999) {
                    publisher.confirm();
                }
            }
            publisher.confirm();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("Published %d calls in %.1f s, acknowledged by Kafka.%n", calls, took.toMillis() / 1e3);
    }
}
