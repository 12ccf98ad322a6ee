package io.parley.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.parley.common.embedded.NodeProject;

/** The npm project of contract linters in {@code contract/} (its README), run with Node.js as CI runs them. */
final class ContractTools {

    private static final NodeProject CONTRACT = new NodeProject(
            Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "contract"), "the contract linters");

    private ContractTools() {
    }

    /** Lints an OpenAPI document with Redocly CLI and the rules of {@code contract/redocly.yaml}. */
    static void redoclyLint(String document) throws IOException, InterruptedException {
        Path file = Files.createTempFile("openapi", ".yaml");
        try {
            Files.writeString(file, document);
            CONTRACT.run(List.of("node", "node_modules/@redocly/cli/bin/cli.js", "lint", "--format=stylish",
                    "--config", "redocly.yaml", file.toString()));
        } finally {
            Files.delete(file);
        }
    }
}
