package io.parley.call.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The configured {@link AudioStorage}: a directory by default, or an S3 bucket. */
@ApplicationScoped
class AudioStorageProducer {

    private S3Client client;

    @Produces
    @ApplicationScoped
    AudioStorage storage(AudioConfig config) {
        if (config.storage() == AudioConfig.Backend.FILESYSTEM) {
            return new FilesystemStorage(config.filesystem().directory());
        }
        AudioConfig.S3 s3 = config.s3();
        String bucket = s3.bucket().orElseThrow(() -> new IllegalStateException(
                "parley.audio.s3.bucket (PARLEY_AUDIO_S3_BUCKET) is required with parley.audio.storage=s3"));
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyleAccess())
                // checksums only where S3 requires them: S3-compatible services do not all read trailing checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        s3.endpoint().ifPresent(builder::endpointOverride);
        if (s3.accessKeyId().isPresent() && s3.secretAccessKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3.accessKeyId().get(), s3.secretAccessKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        client = builder.build();
        return new S3Storage(client, bucket, (int) s3.partSize().asLongValue());
    }

    void close(@Disposes AudioStorage storage) {
        if (client != null) {
            client.close();
        }
    }
}
