package io.parley.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * The npm project of contract linters in {@code contract/} (its README), run with Node.js as CI runs them: installed
 * from its lock file when missing. Without {@code node}, outside CI, a check is skipped, saying so; in CI
 * ({@code CI=true}) it fails.
 */
final class ContractTools {

    private static final Path PROJECT = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."),
            "contract");

    private ContractTools() {
    }

    /** Lints an OpenAPI document with Redocly CLI and the rules of {@code contract/redocly.yaml}. */
    static void redoclyLint(String document) throws IOException, InterruptedException {
        Path file = Files.createTempFile("openapi", ".yaml");
        try {
            Files.writeString(file, document);
            run(List.of("node", "node_modules/@redocly/cli/bin/cli.js", "lint", "--format=stylish", "--config",
                    "redocly.yaml", file.toString()));
        } finally {
            Files.delete(file);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        requireNode();
        if (!Files.isDirectory(PROJECT.resolve("node_modules"))) {
            exec(List.of("npm", "ci", "--no-audit", "--no-fund"));
        }
        exec(command);
    }

    private static void requireNode() throws InterruptedException {
        try {
            new ProcessBuilder("node", "--version").redirectErrorStream(true).start().waitFor();
        } catch (IOException e) {
            String reason = "The contract linters run on Node.js, which could not be run (" + e.getMessage()
                    + "): install Node.js 20.19 or later";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(reason, e);
            }
            Assumptions.abort(reason + ". Skipped: not in CI (CI=true makes it a failure)");
        }
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(PROJECT.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + " in contract/ failed:\n" + output);
    }
}
