package io.parley.call.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.test.junit.QuarkusTest;

/** The storage contract on the default backend, a directory. */
@QuarkusTest
class FilesystemAudioTest extends AudioStorageContract {

    @ConfigProperty(name = "parley.audio.filesystem.directory")
    Path directory;

    @Override
    boolean exists(String key) {
        return Files.exists(directory.resolve(key));
    }

    @Override
    void remove(String key) throws IOException {
        Files.delete(directory.resolve(key));
    }

    @Override
    long largeFileSize() {
        return 50L * 1024 * 1024;
    }
}
