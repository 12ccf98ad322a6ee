package io.parley.call.audio;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.parley.call.Callers;
import io.parley.common.embedded.RawHttp;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Audio for tests: bytes made up on the fly, uploads and recorder events as a recorder sends them. */
public final class Audio {

    public static final UUID RECORDER = UUID.randomUUID();

    private Audio() {
    }

    /** A recorder that serves every tenant (root's role: docs/recorder-events.md). */
    public static String recorder() {
        return Callers.token(UUID.randomUUID(), UUID.randomUUID(), "root", List.of(), Set.of("recorder:publish"),
                "UTC");
    }

    /** A recorder of the tenant, which uploads only for the tenant's calls. */
    public static String recorderOf(UUID tenant) {
        return Callers.token(UUID.randomUUID(), tenant, "system", List.of(), Set.of("recorder:publish"), "UTC");
    }

    /** A caller who reaches every call and may play it back. */
    public static String listener() {
        return Callers.token(UUID.randomUUID(), UUID.randomUUID(), "root", List.of(),
                Set.of("calls:view", "calls:playback", "calls:delete"), "UTC");
    }

    /** {@code length} bytes, the same for the same seed. */
    public static byte[] bytes(long seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public static String sha1(byte[] bytes) {
        MessageDigest sha1 = sha1();
        return HexFormat.of().formatHex(sha1.digest(bytes));
    }

    public static String sha1(InputStream in) throws IOException {
        MessageDigest sha1 = sha1();
        byte[] buffer = new byte[64 * 1024];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            sha1.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    public static ValidatableResponse upload(UUID call, String fileId, String contentType, byte[] bytes) {
        return upload(recorder(), call, fileId, contentType, bytes);
    }

    public static ValidatableResponse upload(String recorder, UUID call, String fileId, String contentType, byte[] bytes) {
        return given().auth().oauth2(recorder).contentType(contentType).body(bytes)
                .when().put("/recorder/v1/calls/" + call + "/files/" + fileId).then();
    }

    public static ValidatableResponse upload(UUID call, String fileId, InputStream bytes) {
        return given().auth().oauth2(recorder()).contentType("audio/mpeg").body(bytes)
                .when().put("/recorder/v1/calls/" + call + "/files/" + fileId).then();
    }

    /** Posts the recorder's {@code file.completed} for the file, as {@code POST /recorder/v1/events}. */
    public static void fileCompleted(UUID call, String fileId, String startTime, long size, String watermark) {
        String event = """
                {"event_id": "%s", "type": "file.completed", "occurred_at": "2026-03-01T10:05:00Z", \
                "recorder_id": "%s", "call_id": "%s", "file": {"file_id": "%s", "start_time": "%s", \
                "file_size": %d, "watermark": "%s"}}""".formatted(UUID.randomUUID(), RECORDER, call, fileId,
                startTime, size, watermark);
        given().auth().oauth2(recorder()).contentType(ContentType.JSON).body(event)
                .when().post("/recorder/v1/events").then().statusCode(202);
    }

    /**
     * The status line and headers (lower case) of a GET with these header lines, read off the socket as a proxy would
     * (a client library hides how the body is framed).
     */
    public static String rawResponseHead(String pathAndQuery, String... headerLines) throws IOException {
        return RawHttp.get("localhost", RestAssured.port, pathAndQuery, headerLines).replace("http/1.1", "HTTP/1.1");
    }

    /** A stream of {@code length} bytes made up as it is read, never held whole; its SHA-1 once read. */
    public static final class Generated extends InputStream {

        private final Random random;
        private final MessageDigest sha1 = Audio.sha1();
        private long remaining;

        Generated(long seed, long length) {
            this.random = new Random(seed);
            this.remaining = length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int count = (int) Math.min(length, Math.min(remaining, 64 * 1024));
            byte[] chunk = new byte[count];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, buffer, offset, count);
            sha1.update(chunk);
            remaining -= count;
            return count;
        }

        String watermark() {
            return HexFormat.of().formatHex(sha1.digest());
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
