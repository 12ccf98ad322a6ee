package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.common.embedded.RawHttp;

/**
 * Audio through the real gateway, as the launcher configures it: an upload, a ranged download, and a signed URL that
 * a browser opens without credentials (and that stops working when altered); a recording larger than Quarkus's
 * default request limit uploaded and played back, with its length and unchunked.
 */
@ExtendWith(SharedPlatform.class)
class AudioEndToEndTest {

    @Test
    void uploadedAudioIsPlayedBackByRangeAndThroughASignedUrl() {
        LocalPlatform platform = SharedPlatform.platform();
        String gateway = platform.serviceUrl("gateway");
        UUID call = UUID.randomUUID();
        byte[] audio = new byte[200_000];
        new Random(1).nextBytes(audio);

        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD).contentType("audio/mpeg")
                .body(audio).when().put(gateway + "/recorder/v1/calls/" + call + "/files/1")
                .then().statusCode(201);

        byte[] part = given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .header("Range", "bytes=1000-1999").when().get(platform.apiUrl() + "/calls/" + call + ".json/file")
                .then().statusCode(206).header("Content-Range", "bytes 1000-1999/200000").extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(audio, 1000, 2000), part);

        String url = given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .queryParam("expires", 600).when().get(platform.apiUrl() + "/calls/" + call + ".json/file_url.json")
                .then().log().ifValidationFails().statusCode(200).extract().path("signed_url");
        assertTrue(url.startsWith(gateway + "/calls/file/" + call + "/signed?"), url);
        assertArrayEquals(audio, given().when().get(url).then().statusCode(200).header("Content-Type", "audio/mpeg")
                .extract().asByteArray());
        given().when().get(url.replace("expires=", "expires=1")).then().statusCode(403);
    }

    @Test
    void largeRecordingIsUploadedAndPlayedBackWithItsLength() throws IOException {
        LocalPlatform platform = SharedPlatform.platform();
        String gateway = platform.serviceUrl("gateway");
        UUID call = UUID.randomUUID();
        byte[] audio = new byte[24 * 1024 * 1024];
        new Random(2).nextBytes(audio);

        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD).contentType("audio/mpeg")
                .body(audio).when().put(gateway + "/recorder/v1/calls/" + call + "/files/1")
                .then().statusCode(201).body("file.file_size", equalTo(audio.length));

        String file = "/api/v2/calls/" + call + ".json/file";
        assertArrayEquals(audio, given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .when().get(gateway + file).then().statusCode(200).extract().asByteArray());
        assertArrayEquals(Arrays.copyOfRange(audio, 20_000_000, audio.length),
                given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                        .header("Range", "bytes=20000000-").when().get(gateway + file)
                        .then().statusCode(206).header("Content-Range", "bytes 20000000-" + (audio.length - 1) + "/"
                                + audio.length)
                        .extract().asByteArray());

        // what a browser or another proxy sees of the gateway's answer: the length, and no chunked framing beside it
        String basic = "Authorization: Basic " + Base64.getEncoder().encodeToString((SharedPlatform.ROOT + ":"
                + SharedPlatform.PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertSentWithLength(rawResponseHead(gateway, file, basic), "200", audio.length);
        assertSentWithLength(rawResponseHead(gateway, file, basic, "Range: bytes=1000-"), "206", audio.length - 1000);
        URI signed = URI.create(given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .queryParam("expires", 600).when().get(gateway + file + "_url.json")
                .then().statusCode(200).extract().<String> path("signed_url"));
        assertSentWithLength(rawResponseHead(gateway, signed.getRawPath() + "?" + signed.getRawQuery()), "200",
                audio.length);
    }

    private static void assertSentWithLength(String head, String status, long length) {
        assertTrue(head.startsWith("http/1.1 " + status), head);
        assertTrue(head.contains("\r\ncontent-length: " + length + "\r\n"), head);
        assertFalse(head.contains("transfer-encoding"), head);
    }

    /** The status line and headers (lower case) of a GET, read off the socket: a client library hides the framing. */
    private static String rawResponseHead(String base, String pathAndQuery, String... headerLines) throws IOException {
        URI uri = URI.create(base);
        return RawHttp.get(uri.getHost(), uri.getPort(), pathAndQuery, headerLines);
    }
}
