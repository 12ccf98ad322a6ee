package io.parley.deploy.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A released event schema changes only compatibly (docs/asyncapi.md, "Evolution"): each schema of
 * {@code contract/events/} is compared, bundled, with its release in {@value #RELEASED}, and a change that breaks a
 * consumer (or, on {@code recording.events}, a recorder) fails, naming it: such a change is a new version. The releases
 * themselves are frozen by their SHA-256 in {@value #LOCK}, so that a release cannot be edited to let a change pass.
 */
class EventSchemaEvolutionTest {

    static final String RELEASED = "contract/released-events";
    static final String LOCK = "contract/released-events.lock";
    private static final Path REPOSITORY = Path.of(System.getProperty("parley.repository", "..")).toAbsolutePath()
            .normalize();
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void everyReleaseIsAsItWasLocked() throws IOException {
        Map<String, String> locked = locked();
        Map<String, String> present = new TreeMap<>();
        for (String path : EventSchemas.bundled(REPOSITORY.resolve(RELEASED)).keySet()) {
            present.put(RELEASED + "/" + path, sha256(REPOSITORY.resolve(RELEASED).resolve(path)));
        }
        List<String> problems = new ArrayList<>();
        locked.forEach((path, checksum) -> {
            if (!present.containsKey(path)) {
                problems.add(path + " is listed in " + LOCK + " but gone: a released schema is never removed");
            } else if (!present.get(path).equals(checksum)) {
                problems.add(path + " changed after its release: restore it (git checkout); a change that does not"
                        + " pass the compatibility check is a new version");
            }
        });
        present.keySet().stream().filter(path -> !locked.containsKey(path)).forEach(path -> problems.add(path
                + " is not in " + LOCK + ": add it from the repository's root with `sha256sum " + path + " >> "
                + LOCK + "`"));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everySchemaIsReleased() throws IOException {
        Map<String, JsonNode> released = EventSchemas.bundled(REPOSITORY.resolve(RELEASED));
        Path candidates = REPOSITORY.resolve("deploy/target/released-events");
        List<String> unreleased = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : EventSchemas.bundled(REPOSITORY.resolve("contract/events"))
                .entrySet()) {
            if (!released.containsKey(schema.getKey())) {
                Path candidate = candidates.resolve(schema.getKey());
                Files.createDirectories(candidate.getParent());
                Files.writeString(candidate, JSON.writeValueAsString(schema.getValue()) + "\n");
                unreleased.add(schema.getKey() + ": release it with `mkdir -p " + RELEASED + "/"
                        + Path.of(schema.getKey()).getParent() + " && cp " + REPOSITORY.relativize(candidate) + " "
                        + RELEASED + "/" + schema.getKey() + " && sha256sum " + RELEASED + "/" + schema.getKey()
                        + " >> " + LOCK + "`");
            }
        }
        assertTrue(unreleased.isEmpty(), "Schemas without a release:\n" + String.join("\n", unreleased));
    }

    @Test
    void everyReleasedSchemaChangedOnlyCompatibly() {
        Map<String, JsonNode> current = EventSchemas.bundled(REPOSITORY.resolve("contract/events"));
        List<String> breaks = new ArrayList<>();
        EventSchemas.bundled(REPOSITORY.resolve(RELEASED)).forEach((path, released) -> {
            if (!current.containsKey(path)) {
                breaks.add(path + ": released, and gone from contract/events; a version stays while it is published");
            } else {
                SchemaCompatibility.breaks(released, current.get(path), readerOf(path))
                        .forEach(change -> breaks.add(path + " " + change));
            }
        });
        assertTrue(breaks.isEmpty(), "Changes that need a new version (docs/asyncapi.md, \"Evolution\"):\n"
                + String.join("\n", breaks));
    }

    /** Recorders write {@code recording.events} and Parley reads it; Parley writes every other topic. */
    static SchemaCompatibility.Reader readerOf(String path) {
        return path.startsWith("recording.events/") ? SchemaCompatibility.Reader.PARLEY
                : SchemaCompatibility.Reader.CONSUMERS;
    }

    /** {@code sha256sum}'s lines: the checksum, two spaces, the path from the repository's root. */
    private static Map<String, String> locked() throws IOException {
        Map<String, String> locked = new TreeMap<>();
        for (String line : Files.readAllLines(REPOSITORY.resolve(LOCK))) {
            if (!line.isBlank()) {
                String[] fields = line.split("\\s+\\*?", 2);
                locked.put(fields[1].strip(), fields[0]);
            }
        }
        return locked;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
