package io.parley.deploy.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document of Parley's topics ({@code contract/asyncapi.yaml}, docs/asyncapi.md) is valid by the AsyncAPI
 * CLI, its references to the event schemas and the OpenAPI document included, and a consumer of call events can
 * generate its types from it.
 */
class AsyncApiDocumentTest {

    private final AsyncApiCli cli = new AsyncApiCli(
            Path.of(System.getProperty("parley.repository", "..")).toAbsolutePath().normalize());

    @Test
    void theDocumentIsValid() throws Exception {
        String output = cli.run("validate", "asyncapi.yaml", "--fail-severity=warn");
        assertTrue(output.contains("asyncapi.yaml is valid"), output);
    }

    @Test
    void aConsumerOfCallEventsGeneratesItsJavaTypes() throws Exception {
        Path models = cli.output("java-models");
        cli.run("generate", "models", "java", "asyncapi.yaml", "--output=" + models,
                "--packageName=com.example.parley.events");

        for (String type : new String[] { "CallCreatedV1", "CallUpdatedV1", "CallDeletedV1", "FileMismatchedV1" }) {
            String event = Files.readString(models.resolve(type + ".java"));
            assertTrue(event.contains("private String id;") && event.contains("private String subject;")
                    && event.contains("private " + type.replace("V1", "DataV1") + " data;"), event);
        }
        String created = Files.readString(models.resolve("CallCreatedDataV1.java"));
        String call = Files.readString(models.resolve(created.replaceAll("(?s).*private (\\w+) call;.*", "$1")
                + ".java"));
        assertTrue(call.contains("callState") && call.contains("participants") && call.contains("files"), call);
    }
}
