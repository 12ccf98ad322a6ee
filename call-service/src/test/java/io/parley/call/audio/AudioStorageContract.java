package io.parley.call.audio;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.parley.call.Rows;
import io.parley.call.encryption.AudioEncryption;
import io.parley.call.file.StoredFile;
import io.parley.call.playback.AudioSource;
import io.parley.call.playback.EncryptedAudio;
import io.parley.call.storage.AudioFormat;
import io.parley.call.storage.AudioStorage;

/**
 * What every storage backend must do, run once per backend ({@link FilesystemAudioTest}, {@link S3AudioTest}):
 * store an upload and serve it back whole and by range, one file after another, large files streamed with their length,
 * a storage failure as an error status, and delete a deleted call's audio.
 */
abstract class AudioStorageContract {

    @Inject
    DataSource dataSource;

    @Inject
    AudioStorage storage;

    /** Whether the backend holds an object under the key. */
    abstract boolean exists(String key) throws IOException;

    /** Removes the object behind call-service's back, as a storage outage or an operator's mistake would. */
    abstract void remove(String key) throws IOException;

    /** A file large enough to be streamed through every layer, and (for S3) written in several parts. */
    abstract long largeFileSize();

    /** Where the audio of the call's only file is stored. */
    String storageKey(UUID call) {
        return (String) Rows.first(dataSource, "SELECT storage_key FROM call_file WHERE call_id = ?", call)
                .get("storage_key");
    }

    @Test
    void encryptedObjectIsReadBackDecryptedWholeAndByRange() throws Exception {
        UUID call = UUID.randomUUID();
        byte[] audio = Audio.bytes(9, 500_000);
        AudioEncryption.DataKey key = AudioEncryption.DataKey.generate();
        String object = call + "/encrypted.mp3";
        try (InputStream ciphertext = AudioEncryption.encrypting(new ByteArrayInputStream(audio), key, call, "1")) {
            storage.write(object, ciphertext);
        }
        AudioSource source = new EncryptedAudio(storage,
                new StoredFile(call, "1", object, AudioFormat.MP3, audio.length, Optional.empty()), key);

        try (InputStream whole = source.open(0, audio.length)) {
            assertArrayEquals(audio, whole.readAllBytes());
        }
        try (InputStream part = source.open(200_000, 100_000)) { // from the middle of a segment to another's
            assertArrayEquals(Arrays.copyOfRange(audio, 200_000, 300_000), part.readAllBytes());
        }
        try (InputStream end = source.open(499_990, 10)) {
            assertArrayEquals(Arrays.copyOfRange(audio, 499_990, 500_000), end.readAllBytes());
        }
    }

    @Test
    void uploadedFileIsServedWholeAndByRange() {
        UUID call = UUID.randomUUID();
        byte[] audio = Audio.bytes(1, 10_000);

        Audio.upload(call, "1", "audio/mpeg", audio).statusCode(201)
                .body("file.file_size", equalTo(10_000)).body("file.watermark", equalTo(Audio.sha1(audio)));

        byte[] whole = given().auth().oauth2(Audio.listener()).when().get("/api/v2/calls/" + call + ".json/file")
                .then().statusCode(200).header("Content-Type", "audio/mpeg").header("Accept-Ranges", "bytes")
                .extract().asByteArray();
        assertArrayEquals(audio, whole);
        byte[] part = given().auth().oauth2(Audio.listener()).header("Range", "bytes=100-199")
                .when().get("/api/v2/calls/" + call + ".json/file")
                .then().statusCode(206).header("Content-Range", "bytes 100-199/10000").extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(audio, 100, 200), part);
    }

    @Test
    void filesOfACallAreServedAsOneWithARangeAcrossTheJoin() {
        UUID call = UUID.randomUUID();
        byte[] first = Audio.bytes(2, 3_000);
        byte[] second = Audio.bytes(3, 2_000);
        Audio.upload(call, "2", "audio/mpeg", second).statusCode(201);
        Audio.upload(call, "1", "audio/mpeg", first).statusCode(201);

        byte[] across = given().auth().oauth2(Audio.listener()).header("Range", "bytes=2990-3009")
                .when().get("/api/v2/calls/" + call + ".json/file")
                .then().statusCode(206).header("Content-Range", "bytes 2990-3009/5000").extract().asByteArray();
        byte[] expected = new byte[20];
        System.arraycopy(first, 2990, expected, 0, 10);
        System.arraycopy(second, 0, expected, 10, 10);
        assertArrayEquals(expected, across);
    }

    @Test
    void largeFileIsStreamedInAndOut() throws IOException {
        UUID call = UUID.randomUUID();
        Audio.Generated upload = new Audio.Generated(4, largeFileSize());

        String stored = Audio.upload(call, "1", upload).statusCode(201)
                .body("file.file_size", equalTo((int) largeFileSize())).extract().path("file.watermark");
        assertEquals(upload.watermark(), stored);

        try (InputStream download = given().auth().oauth2(Audio.listener())
                .when().get("/api/v2/calls/" + call + ".json/file").then().statusCode(200).extract().asInputStream()) {
            assertEquals(stored, Audio.sha1(download));
        }
        // what a proxy sees: the length, and no chunked framing beside it (a proxy refuses a response with both)
        String file = "/api/v2/calls/" + call + ".json/file";
        String auth = "Authorization: Bearer " + Audio.listener();
        assertSentWithLength(Audio.rawResponseHead(file, auth), "200", largeFileSize());
        assertSentWithLength(Audio.rawResponseHead(file, auth, "Range: bytes=1000-"), "206", largeFileSize() - 1000);
        URI signed = URI.create(given().auth().oauth2(Audio.listener()).queryParam("expires", 60)
                .when().get(file + "_url.json").then().statusCode(200).extract().<String> path("signed_url"));
        assertSentWithLength(Audio.rawResponseHead(signed.getRawPath() + "?" + signed.getRawQuery()), "200",
                largeFileSize());
    }

    @Test
    void audioStorageCannotReadIsAnErrorStatusNotACutBody() throws IOException {
        UUID call = UUID.randomUUID();
        Audio.upload(call, "1", "audio/mpeg", Audio.bytes(8, 100_000)).statusCode(201);
        String key = storageKey(call);
        remove(key);

        given().auth().oauth2(Audio.listener()).when().get("/api/v2/calls/" + call + ".json/file")
                .then().statusCode(500).body("error", equalTo("InternalError"));
    }

    @Test
    void deletingTheCallDeletesItsAudio() throws IOException {
        UUID call = UUID.randomUUID();
        Audio.upload(call, "1", "audio/wav", Audio.bytes(5, 1_000)).statusCode(201);
        String key = storageKey(call);
        assertTrue(exists(key));

        given().auth().oauth2(Audio.listener()).when().delete("/api/v2/calls/" + call + ".json")
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> !exists(key));
        await().atMost(Duration.ofSeconds(30)).until(() -> Rows.first(dataSource,
                "SELECT * FROM audio_deletion WHERE storage_key = ?", key).isEmpty());
        given().auth().oauth2(Audio.listener()).when().get("/api/v2/calls/" + call + ".json/file")
                .then().statusCode(404);
    }

    @Test
    void aNewUploadOfAFileReplacesItAndDeletesTheOldAudio() throws IOException {
        UUID call = UUID.randomUUID();
        Audio.upload(call, "1", "audio/mpeg", Audio.bytes(6, 1_000)).statusCode(201);
        String old = storageKey(call);
        byte[] replacement = Audio.bytes(7, 500);

        Audio.upload(call, "1", "audio/mpeg", replacement).statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> !exists(old));
        assertArrayEquals(replacement, given().auth().oauth2(Audio.listener())
                .when().get("/api/v2/calls/" + call + ".json/file").then().statusCode(200).extract().asByteArray());
    }

    private static void assertSentWithLength(String head, String status, long length) {
        assertTrue(head.startsWith("HTTP/1.1 " + status), head);
        assertTrue(head.contains("\r\ncontent-length: " + length + "\r\n"), head);
        assertFalse(head.contains("transfer-encoding"), head);
    }
}
