package io.parley.call.audio;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.awaitility.Awaitility;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import io.parley.common.embedded.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real S3 API server in the test JVM, no Docker: S3Proxy over jclouds' in-memory blob store, with one bucket. The
 * service is pointed at it with {@code parley.audio.storage=s3}.
 */
public class S3ProxyServer implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "parley-audio";
    static final String ACCESS_KEY = "parley-test";
    static final String SECRET_KEY = "parley-test-secret";

    private S3Proxy proxy;
    private BlobStoreContext blobs;

    @Override
    public Map<String, String> start() {
        Properties overrides = new Properties();
        blobs = ContextBuilder.newBuilder("transient").credentials(ACCESS_KEY, SECRET_KEY).overrides(overrides)
                .build(BlobStoreContext.class);
        blobs.getBlobStore().createContainerInLocation(null, BUCKET);
        URI endpoint = URI.create("http://127.0.0.1:" + FreePorts.pick());
        proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        Awaitility.await("S3Proxy started").atMost(Duration.ofSeconds(30))
                .until(() -> proxy.getState().equals("STARTED"));
        return Map.of(
                "parley.audio.storage", "s3",
                "parley.audio.s3.endpoint", endpoint.toString(),
                "parley.audio.s3.bucket", BUCKET,
                "parley.audio.s3.access-key-id", ACCESS_KEY,
                "parley.audio.s3.secret-access-key", SECRET_KEY,
                "parley.audio.s3.part-size", "5M");
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (blobs != null) {
                blobs.close();
            }
        }
    }
}
