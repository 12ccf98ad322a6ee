package io.parley.call.audio;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.parley.call.storage.S3Storage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The storage contract on an S3 bucket, served by a real S3 API server (S3Proxy) in the test JVM. */
@QuarkusTest
@TestProfile(S3AudioTest.S3Storage.class)
class S3AudioTest extends AudioStorageContract {

    @ConfigProperty(name = "parley.audio.s3.endpoint")
    URI endpoint;

    private S3Client client;

    @BeforeEach
    void connect() {
        client = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1)
                .endpointOverride(endpoint).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                .build();
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Override
    boolean exists(String key) {
        try {
            client.headObject(head -> head.bucket(S3ProxyServer.BUCKET).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    void remove(String key) {
        client.deleteObject(delete -> delete.bucket(S3ProxyServer.BUCKET).key(key));
    }

    /** Several 5 MiB parts, held in the in-memory blob store. */
    @Override
    long largeFileSize() {
        return 12L * 1024 * 1024 + 17;
    }

    public static class S3Storage implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3ProxyServer.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of();
        }
    }
}
