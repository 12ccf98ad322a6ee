package io.parley.deploy.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The AsyncAPI CLI of the contract tools' npm project ({@code contract/}, pinned by its lock file; {@code npm ci}
 * installs it on first use), run with Node.js. Its usage analytics are off: it reads their setting from a file under
 * {@code target/} instead of the user's home. Without Node.js, outside CI, a check is skipped, saying so; in CI
 * ({@code CI=true}) it fails.
 */
final class AsyncApiCli {

    private final Path contract;
    private final Path work;

    AsyncApiCli(Path repository) {
        this.contract = repository.resolve("contract");
        this.work = repository.resolve("deploy/target/asyncapi");
    }

    /** Runs {@code asyncapi} with the arguments in {@code contract/}; fails with its output unless it succeeds. */
    String run(String... arguments) throws IOException, InterruptedException {
        Files.createDirectories(work);
        if (!Files.exists(contract.resolve("node_modules/@asyncapi/cli/bin/run"))) {
            exec(List.of("npm", "ci", "--no-audit", "--no-fund"));
        }
        List<String> command = new ArrayList<>(List.of("node", "node_modules/@asyncapi/cli/bin/run"));
        command.addAll(List.of(arguments));
        return exec(command);
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

    private String exec(List<String> command) throws IOException, InterruptedException {
        Path analytics = work.resolve("analytics.json");
        Files.writeString(analytics, "{\"analyticsEnabled\": \"false\", \"infoMessageShown\": \"true\","
                + " \"userID\": \"parley-tests\"}");
        ProcessBuilder builder = new ProcessBuilder(command).directory(contract.toFile()).redirectErrorStream(true);
        builder.environment().put("ASYNCAPI_METRICS_CONFIG_PATH", analytics.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            String reason = "The AsyncAPI CLI runs on Node.js, whose " + command.get(0) + " could not be run ("
                    + e.getMessage() + "): install Node.js 20.19 or later";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(reason, e);
            }
            Assumptions.abort(reason + ". Skipped: not in CI (CI=true makes it a failure)");
            return "";
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " in contract/ failed:\n" + output);
        }
        return output;
    }
}
