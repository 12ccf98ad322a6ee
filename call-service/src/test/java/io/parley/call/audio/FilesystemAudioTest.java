package io.parley.call.audio;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

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

    @Test
    void bodyThatStorageCannotCompleteIsCutOffAndTheConnectionClosed() throws IOException {
        UUID call = UUID.randomUUID();
        Audio.upload(call, "1", "audio/mpeg", Audio.bytes(2, 4_000_000)).statusCode(201);
        String key = storageKey(call);
        try (RandomAccessFile stored = new RandomAccessFile(directory.resolve(key).toFile(), "rw")) {
            stored.setLength(1_000_000); // the object lost its end after it was recorded
        }

        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000); // a connection left open fails the test instead of hanging it
            socket.getOutputStream().write(("GET /api/v2/calls/" + call + ".json/file HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Audio.listener() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            long received = 0;
            try {
                for (int read = in.read(new byte[65536]); read >= 0; read = in.read(new byte[65536])) {
                    received += read;
                }
            } catch (SocketException reset) {
                // closed by a reset: as good as closed
            } catch (SocketTimeoutException e) {
                fail("The connection was left open after " + received + " bytes of a body that cannot be completed");
            }
            assertTrue(received < 4_000_000, received + " bytes");
        }
    }
}
