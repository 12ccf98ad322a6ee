package io.parley.call.storage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where audio is stored, how large an upload may be, and how playback URLs are signed (docs/configuration.md). */
@ConfigMapping(prefix = "parley.audio")
public interface AudioConfig {

    /** The backend: {@code filesystem} (the default) or {@code s3}. */
    @WithDefault("filesystem")
    Backend storage();

    /** The largest file a recorder may upload; larger: {@code 413}. */
    @WithDefault("1G")
    MemorySize maxFileSize();

    /** How often objects of deleted calls and replaced uploads are looked for, and retried after a failure. */
    @WithDefault("10s")
    Duration deletionInterval();

    /** How often files stored before their call's tenant was known are encrypted (or settled) (upload/PendingEncryption). */
    @WithDefault("10s")
    Duration encryptionInterval();

    Filesystem filesystem();

    S3 s3();

    SignedUrls signedUrls();

    enum Backend {
        FILESYSTEM,
        S3
    }

    interface Filesystem {

        /** The directory holding one folder of files per call. */
        @WithDefault("/var/lib/parley/audio")
        Path directory();
    }

    interface S3 {

        /** The bucket, which must exist. */
        Optional<String> bucket();

        /** Another S3-compatible service than AWS (MinIO, Ceph, ...), e.g. {@code http://minio:9000}. */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();

        /** Static credentials; without them the AWS SDK's default chain (environment, profile, instance role). */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();

        /** {@code bucket} in the path rather than the host name, as most S3-compatible services need. */
        @WithDefault("true")
        boolean pathStyleAccess();

        /** Objects are written in parts of this size: the memory one upload holds at most. */
        @WithDefault("8M")
        MemorySize partSize();
    }

    interface SignedUrls {

        /**
         * Signing keys as {@code id:secret,id:secret}, the first the one new URLs are signed with, the others accepted:
         * to rotate, put a new key first and drop the old one after {@link #maxLifetime()}.
         */
        Optional<String> keys();

        /** The longest {@code expires} a caller may ask for; longer: {@code 400}. */
        @WithDefault("24h")
        Duration maxLifetime();

        /** The public address signed URLs start with, e.g. {@code https://parley.example.com}; else the request's. */
        Optional<URI> baseUrl();
    }
}
