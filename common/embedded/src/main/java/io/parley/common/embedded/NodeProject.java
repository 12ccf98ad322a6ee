package io.parley.common.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * An npm project of the repository whose tools a test runs with Node.js (the contract linters in {@code contract/},
 * the monitoring checks in {@code deploy/src/test/node}): its package-lock.json pins them, and {@code npm ci}
 * installs them when they are missing or older than the lock file. Without Node.js, or when npm cannot install,
 * outside CI the test is skipped, saying so; in CI ({@code CI=true}) that is a failure: a machine with only a JDK still
 * runs every other test, and CI, which has Node.js, always checks.
 */
public final class NodeProject {

    private final Path directory;
    private final String tools;
    private final Map<String, String> environment;

    /**
     * @param tools what the project holds, for the reason given when Node.js is missing ("the contract linters")
     */
    public NodeProject(Path directory, String tools) {
        this(directory, tools, Map.of());
    }

    private NodeProject(Path directory, String tools, Map<String, String> environment) {
        this.directory = directory;
        this.tools = tools;
        this.environment = environment;
    }

    /** The same project, its commands run with these environment variables too. */
    public NodeProject withEnvironment(Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(variables);
        return new NodeProject(directory, tools, Map.copyOf(all));
    }

    /** Runs a command in the project's directory, installing its tools first if needed; returns its standard output. */
    public String run(List<String> command) throws IOException, InterruptedException {
        install();
        return exec(command);
    }

    private void install() throws IOException, InterruptedException {
        Path installed = directory.resolve("node_modules/.package-lock.json");
        if (Files.exists(installed) && Files.getLastModifiedTime(installed)
                .compareTo(Files.getLastModifiedTime(directory.resolve("package-lock.json"))) >= 0) {
            return;
        }
        try {
            exec(List.of("npm", "ci", "--no-audit", "--no-fund"));
        } catch (AssertionError e) {
            skipOutsideCi("npm could not install " + tools + " (" + e.getMessage() + ")", e);
        }
    }

    private String exec(List<String> command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("node-project", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile())
                    .redirectError(errors.toFile());
            builder.environment().putAll(environment);
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                skipOutsideCi("Node.js runs " + tools + ", but " + command.get(0) + " could not be run ("
                        + e.getMessage() + "): install Node.js 20.19 or later", e);
                return "";
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new AssertionError(String.join(" ", command) + " in " + directory + " failed (exit " + exit
                        + "):\n" + output + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return output;
        } finally {
            Files.delete(errors);
        }
    }

    private static void skipOutsideCi(String reason, Throwable cause) {
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(reason, cause);
        }
        Assumptions.abort(reason + ". Skipped: not in CI (CI=true makes it a failure)");
    }
}
