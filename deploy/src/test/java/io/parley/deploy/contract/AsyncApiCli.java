package io.parley.deploy.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.parley.common.embedded.NodeProject;

/**
 * The AsyncAPI CLI of the contract tools' npm project ({@code contract/}), run with Node.js as CI runs it. Its usage
 * analytics are off: it reads their setting from a file under {@code target/} instead of the user's home.
 */
final class AsyncApiCli {

    private final NodeProject contract;
    private final Path work;

    AsyncApiCli(Path repository) {
        this.contract = new NodeProject(repository.resolve("contract"), "the AsyncAPI CLI");
        this.work = repository.resolve("deploy/target/asyncapi");
    }

    /** Runs {@code asyncapi} with the arguments in {@code contract/}; fails with its output unless it succeeds. */
    String run(String... arguments) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path analytics = work.resolve("analytics.json");
        Files.writeString(analytics, "{\"analyticsEnabled\": \"false\", \"infoMessageShown\": \"true\","
                + " \"userID\": \"parley-tests\"}");
        List<String> command = new ArrayList<>(List.of("node", "node_modules/@asyncapi/cli/bin/run"));
        command.addAll(List.of(arguments));
        return contract.withEnvironment(Map.of("ASYNCAPI_METRICS_CONFIG_PATH", analytics.toString())).run(command);
    }

    /** A fresh directory under {@code deploy/target/asyncapi} for the CLI's output. */
    Path output(String name) throws IOException {
        Path directory = work.resolve(name);
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return directory;
    }
}
