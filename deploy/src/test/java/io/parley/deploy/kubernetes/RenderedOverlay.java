package io.parley.deploy.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The objects a Kustomize overlay renders to, as {@code kubectl kustomize <overlay>} prints them: one JSON tree per
 * YAML document. Checks read them; mutation tests change a copy.
 */
public record RenderedOverlay(String name, List<ObjectNode> objects) {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** The overlays users deploy: every directory under {@code deploy/kubernetes/overlays}. */
    public static List<Path> overlaysOf(Path repository) {
        Path overlays = repository.resolve("deploy/kubernetes/overlays");
        if (!Files.isDirectory(overlays)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(overlays)) {
            return children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Could not list " + overlays, e);
        }
    }

    /** Renders an overlay with kubectl's built-in Kustomize, as an operator would before applying it. */
    public static RenderedOverlay render(Path overlay) {
        Process process;
        Path errors;
        try {
            errors = Files.createTempFile("kustomize", ".err");
            process = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
                    .redirectError(errors.toFile()).start();
        } catch (IOException e) {
            String reason = "The Kubernetes manifests are rendered with kubectl, which could not be run ("
                    + e.getMessage() + "): install kubectl (its built-in Kustomize renders the overlays)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(reason, e);
            }
            // a machine with only a JDK still runs every other test; CI, which has kubectl, always checks
            return Assumptions.abort(reason + ". Skipped: not in CI (CI=true makes it a failure)");
        }
        try {
            String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            String stderr = Files.readString(errors);
            Files.delete(errors);
            if (exit != 0) {
                throw new AssertionError("kubectl kustomize " + overlay + " failed (exit " + exit + "): " + stderr);
            }
            return parse(overlay.getFileName().toString(), yaml);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read what kubectl kustomize " + overlay + " printed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rendering " + overlay, e);
        }
    }

    /** The objects of a multi-document YAML stream; empty documents are left out. */
    public static RenderedOverlay parse(String name, String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                if (document instanceof ObjectNode object && !object.isEmpty()) {
                    objects.add(object);
                } else if (document != null && !document.isNull() && !document.isMissingNode()) {
                    throw new AssertionError(name + " holds a YAML document that is not an object: " + document);
                }
            }
        }
        return new RenderedOverlay(name, List.copyOf(objects));
    }

    /** A deep copy, for a test to change without touching this one. */
    public RenderedOverlay copy(String copyName) {
        return new RenderedOverlay(copyName, objects.stream().map(ObjectNode::deepCopy).toList());
    }

    /** The objects of a kind, e.g. {@code Deployment}. */
    public List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(kindOf(object))).toList();
    }

    /** The object of a kind and name, if the overlay has it. */
    public Optional<ObjectNode> find(String kind, String objectName) {
        return ofKind(kind).stream().filter(object -> objectName.equals(nameOf(object))).findFirst();
    }

    public static String kindOf(JsonNode object) {
        return object.path("kind").asString("");
    }

    public static String nameOf(JsonNode object) {
        return object.path("metadata").path("name").asString("");
    }

    /** How a finding names an object: {@code Deployment gateway}. */
    public static String describe(JsonNode object) {
        return kindOf(object) + " " + nameOf(object);
    }
}
