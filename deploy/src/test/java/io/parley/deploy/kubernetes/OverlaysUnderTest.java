package io.parley.deploy.kubernetes;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The overlays the checks run on: every overlay under {@code deploy/kubernetes/overlays}, and the checks' own fixture
 * ({@code kubernetes-fixture/good}), which keeps every rule and which the mutation tests change. Each is rendered
 * once per test JVM; the repository's configuration is read once.
 */
final class OverlaysUnderTest {

    static final Path REPOSITORY = Path.of(System.getProperty("parley.repository", "..")).toAbsolutePath()
            .normalize();
    static final ServiceConfiguration SERVICES = ServiceConfiguration.of(REPOSITORY);
    static final TopicRequirements TOPICS = TopicRequirements.of(REPOSITORY, SERVICES);
    static final CrdSchemas CRDS = CrdSchemas.vendored();

    private static List<RenderedOverlay> rendered;

    private OverlaysUnderTest() {
    }

    /** The fixture first, then the repository's overlays. */
    static synchronized List<RenderedOverlay> all() {
        if (rendered == null) {
            List<RenderedOverlay> overlays = new ArrayList<>();
            overlays.add(fixture());
            RenderedOverlay.overlaysOf(REPOSITORY).stream().map(RenderedOverlay::render).forEach(overlays::add);
            rendered = List.copyOf(overlays);
        }
        return rendered;
    }

    static ManifestRules rules(RenderedOverlay overlay) {
        return new ManifestRules(overlay, SERVICES, TOPICS, CRDS);
    }

    /** Whether the repository has Kubernetes manifests at all. */
    static boolean repositoryHasManifests() {
        return Files.isDirectory(REPOSITORY.resolve("deploy/kubernetes"));
    }

    private static RenderedOverlay fixture() {
        try {
            Path good = Path.of(OverlaysUnderTest.class.getResource("/kubernetes-fixture/good").toURI());
            RenderedOverlay rendered = RenderedOverlay.render(good);
            return new RenderedOverlay("fixture", rendered.objects());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
