package io.parley.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every overlay under deploy/kubernetes/overlays renders with {@code kubectl kustomize}, its objects are valid
 * Kubernetes API objects or valid custom resources of the vendored CRDs, and it keeps every {@link ManifestRules}
 * rule; so does the checks' own fixture, which proves the rules can hold.
 */
class KubernetesManifestsTest {

    /**
     * Every overlay renders. Without kubectl, outside CI, this test and every check are skipped: this one shows the
     * reason in the test report, where a skipped factory shows nothing.
     */
    @Test
    void theOverlaysRender() {
        assertFalse(OverlaysUnderTest.all().isEmpty());
    }

    @Test
    void manifestsHaveOverlays() {
        if (OverlaysUnderTest.repositoryHasManifests()) {
            assertFalse(RenderedOverlay.overlaysOf(OverlaysUnderTest.REPOSITORY).isEmpty(),
                    "deploy/kubernetes has no overlays under deploy/kubernetes/overlays");
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyOverlayKeepsEveryRule() {
        return OverlaysUnderTest.all().stream().map(overlay -> DynamicContainer.dynamicContainer(overlay.name(),
                OverlaysUnderTest.rules(overlay).all().entrySet().stream()
                        .map(rule -> DynamicTest.dynamicTest(rule.getKey(), () -> {
                            List<String> findings = rule.getValue().get();
                            assertEquals(List.of(), findings, overlay.name() + ": " + rule.getKey() + ":\n  "
                                    + String.join("\n  ", findings) + "\n");
                        }))));
    }
}
