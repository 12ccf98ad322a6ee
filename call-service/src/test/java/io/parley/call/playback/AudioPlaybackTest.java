package io.parley.call.playback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.parley.call.Callers;
import io.parley.call.TestCalls;
import io.parley.call.audio.Audio;
import io.parley.common.embedded.LogCapture;
import io.parley.common.embedded.ScrapedMetrics;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/** Playback (reference 3.1.7): ranges, who may play what back, and signed URLs. */
@QuarkusTest
class AudioPlaybackTest {

    private static final String CURRENT_KEY = "current:test-signing-key-0123456789";
    private static final String OLD_KEY = "old:test-old-signing-key-0123456789";

    @Inject
    DataSource dataSource;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    private final UUID tenant = UUID.randomUUID();
    private final byte[] audio = Audio.bytes(10, 1_000);

    @Test
    void eachRangeFormIsAnsweredWithItsPart() {
        UUID call = callWithAudio();
        assertRange(call, "bytes=10-19", "bytes 10-19/1000", 10, 20);
        assertRange(call, "bytes=990-", "bytes 990-999/1000", 990, 1000);
        assertRange(call, "bytes=-5", "bytes 995-999/1000", 995, 1000);
        assertRange(call, "bytes=995-2000", "bytes 995-999/1000", 995, 1000);
        assertRange(call, "bytes=-5000", "bytes 0-999/1000", 0, 1000);
    }

    @Test
    void rangeBeyondTheFileIsUnsatisfiable() {
        UUID call = callWithAudio();
        for (String range : List.of("bytes=1000-", "bytes=5000-6000", "bytes=-0")) {
            download(call, range).statusCode(416).header("Content-Range", "bytes */1000");
        }
    }

    @Test
    void malformedOrSeveralRangesGetTheWholeFile() {
        UUID call = callWithAudio();
        for (String range : List.of("bytes=5-1", "items=0-1", "bytes=0-1,5-6", "bytes=x")) {
            assertArrayEquals(audio, download(call, range).statusCode(200).extract().asByteArray(), range);
        }
    }

    @Test
    void fileIdSelectsOneFileAndEachFormatHasItsType() {
        UUID call = UUID.randomUUID();
        byte[] wav = Audio.bytes(11, 300);
        Audio.upload(call, "1", "audio/mpeg", audio).statusCode(201);
        Audio.upload(call, "2", "audio/x-wav", wav).statusCode(201);

        byte[] served = given().auth().oauth2(Audio.listener()).queryParam("file_id", "2")
                .when().get("/api/v2/calls/" + call + ".json/file")
                .then().statusCode(200).header("Content-Type", "audio/wav").extract().asByteArray();
        assertArrayEquals(wav, served);
        given().auth().oauth2(Audio.listener()).queryParam("file_id", "3")
                .when().get("/api/v2/calls/" + call + ".json/file").then().statusCode(404);
    }

    @Test
    void unknownCallAndCallWithoutAudioAreNotFound() {
        given().auth().oauth2(Audio.listener()).when().get("/api/v2/calls/" + UUID.randomUUID() + ".json/file")
                .then().statusCode(404).body("error", equalTo("NotFound"));
        given().auth().oauth2(Audio.listener()).when().get("/api/v2/calls/not-a-call.json/file")
                .then().statusCode(404);
        UUID silent = TestCalls.call(tenant, "2026-03-01T10:00:00Z").file("/elsewhere/a.mp3").store(dataSource);
        given().auth().oauth2(Audio.listener()).when().get("/api/v2/calls/" + silent + ".json/file")
                .then().statusCode(404).body("description", equalTo("File not found"));
    }

    @Test
    void playbackNeedsThePlaybackPermissionAndTheCallInScope() {
        UUID call = callWithAudio();
        given().auth().oauth2(Callers.system(tenant, Set.of("calls:view")))
                .when().get("/api/v2/calls/" + call + ".json/file")
                .then().statusCode(403).body(equalTo("Access is denied"));
        given().auth().oauth2(Callers.system(tenant, Set.of("calls:view")))
                .queryParam("expires", 60).when().get("/api/v2/calls/" + call + ".json/file_url.json")
                .then().statusCode(403);
        given().auth().oauth2(Callers.system(UUID.randomUUID(), Set.of("calls:playback")))
                .when().get("/api/v2/calls/" + call + ".json/file").then().statusCode(404);
        given().auth().oauth2(Callers.system(tenant, Set.of("calls:playback")))
                .when().get("/api/v2/calls/" + call + ".json/file").then().statusCode(200);
        given().auth().oauth2(Callers.user(UUID.randomUUID(), tenant, Set.of("calls_own:playback")))
                .when().get("/api/v2/calls/" + call + ".json/file").then().statusCode(404);
        given().when().get("/api/v2/calls/" + call + ".json/file").then().statusCode(401);
    }

    @Test
    void signedUrlServesTheFileWithoutCredentialsRangeIncluded() {
        UUID call = callWithAudio();
        String url = given().auth().oauth2(Callers.system(tenant, Set.of("calls:playback")))
                .queryParam("expires", 3600).when().get("/api/v2/calls/" + call + ".json/file_url.json")
                .then().statusCode(200).body("signed_url", startsWith("http://localhost:"))
                .extract().path("signed_url");
        assertEquals("/calls/file/" + call + "/signed", URI.create(url).getPath());

        assertArrayEquals(audio, RestAssured.get(url).then().statusCode(200).header("Accept-Ranges", "bytes")
                .extract().asByteArray());
        assertArrayEquals(Arrays.copyOfRange(audio, 0, 100), given().header("Range", "bytes=0-99")
                .get(url).then().statusCode(206).extract().asByteArray());
    }

    @Test
    void accessLogNamesTheSignedPathWithoutItsCredential() {
        UUID call = callWithAudio();
        String url = given().auth().oauth2(Callers.system(tenant, Set.of("calls:playback")))
                .queryParam("expires", 3600).when().get("/api/v2/calls/" + call + ".json/file_url.json")
                .then().statusCode(200).extract().path("signed_url");
        try (LogCapture accessLog = LogCapture.of("io.quarkus.http.access-log")) {
            List<String> lines = accessLog.lines();
            RestAssured.get(url).then().statusCode(200);
            String path = "/calls/file/" + call + "/signed";
            Awaitility.await().until(() -> lines.stream().anyMatch(line -> line.contains(path)));
            // the path, then the protocol: no query string, so neither the signature nor anything else of the URL
            assertTrue(lines.stream().filter(line -> line.contains(path)).allMatch(line -> line.contains(path + " HTTP/")
                    && !line.contains(URI.create(url).getRawQuery())), lines.toString());
        }
    }

    @Test
    void headOfTheAudioHasTheLengthAndNoBody() {
        UUID call = callWithAudio();
        String url = given().auth().oauth2(Audio.listener()).queryParam("expires", 60)
                .when().get("/api/v2/calls/" + call + ".json/file_url.json")
                .then().statusCode(200).extract().path("signed_url");

        byte[] body = RestAssured.head(url).then().statusCode(200).header("Content-Length", "1000")
                .header("Content-Type", "audio/mpeg").header("Accept-Ranges", "bytes").extract().asByteArray();
        assertEquals(0, body.length);
        given().auth().oauth2(Audio.listener()).header("Range", "bytes=10-19")
                .when().head("/api/v2/calls/" + call + ".json/file")
                .then().statusCode(206).header("Content-Length", "10").header("Content-Range", "bytes 10-19/1000");
    }

    @Test
    void signedUrlOfOneFileServesThatFile() {
        UUID call = callWithAudio();
        byte[] second = Audio.bytes(12, 100);
        Audio.upload(call, "2", "audio/mpeg", second).statusCode(201);
        String url = given().auth().oauth2(Audio.listener()).queryParam("expires", 60).queryParam("file_id", "2")
                .when().get("/api/v2/calls/" + call + ".json/file_url.json")
                .then().statusCode(200).extract().path("signed_url");

        assertArrayEquals(second, RestAssured.get(url).then().statusCode(200).extract().asByteArray());
    }

    @Test
    void alteredSignedUrlIsForbidden() {
        UUID call = callWithAudio();
        UUID other = callWithAudio();
        URI url = signer(CURRENT_KEY, Instant.now()).sign(URI.create("http://localhost/"), call, Optional.of("1"),
                Instant.now().getEpochSecond() + 600, Map.of());
        String valid = url.getRawQuery();
        String path = "/calls/file/" + call + "/signed?";
        given().when().get(path + valid).then().statusCode(200);

        for (String altered : List.of(
                "/calls/file/" + other + "/signed?" + valid,
                path + valid.replace("file_id=1", "file_id=2"),
                path + valid.replace("&file_id=1", ""),
                path + valid.replaceFirst("expires=(\\d+)", "expires=9$1"),
                path + valid.replace("key=current", "key=old"),
                path + valid.replace("key=current", "key=unknown"),
                path + valid.substring(0, valid.length() - 1) + (valid.endsWith("A") ? "B" : "A"),
                path + valid.replaceFirst("&sign=[^&]*", ""),
                path + valid + "&keys=" + "A".repeat(80),
                "/calls/file/not-a-call/signed?" + valid)) {
            given().when().get(altered).then().statusCode(403).body(equalTo("Access is denied"));
        }
    }

    @Test
    void expiredSignedUrlIsForbidden() {
        UUID call = callWithAudio();
        Instant hourAgo = Instant.now().minusSeconds(3600);
        URI url = signer(CURRENT_KEY, hourAgo).sign(URI.create("http://localhost/"), call, Optional.empty(),
                hourAgo.getEpochSecond() + 60, Map.of());

        given().when().get(url.getRawPath() + "?" + url.getRawQuery()).then().statusCode(403);
    }

    @Test
    void urlSignedWithAnOlderKeyStillConfiguredIsValid() {
        UUID call = callWithAudio();
        URI url = signer(OLD_KEY, Instant.now()).sign(URI.create("http://localhost/"), call, Optional.empty(),
                Instant.now().getEpochSecond() + 60, Map.of());

        assertArrayEquals(audio, given().when().get(url.getRawPath() + "?" + url.getRawQuery())
                .then().statusCode(200).extract().asByteArray());
        URI retired = signer("retired:a-key-this-service-does-not-have", Instant.now()).sign(
                URI.create("http://localhost/"), call, Optional.empty(), Instant.now().getEpochSecond() + 60, Map.of());
        given().when().get(retired.getRawPath() + "?" + retired.getRawQuery()).then().statusCode(403);
    }

    @Test
    void fileUrlLifetimeIsRequiredAndBounded() {
        UUID call = callWithAudio();
        for (String expires : List.of("", "0", "-5", "soon", "3601")) {
            given().auth().oauth2(Audio.listener()).queryParam("expires", expires)
                    .when().get("/api/v2/calls/" + call + ".json/file_url.json")
                    .then().statusCode(400).body("details.fields[0].field_name", equalTo("expires"));
        }
        given().auth().oauth2(Audio.listener()).queryParam("expires", 60)
                .when().get("/api/v2/calls/" + UUID.randomUUID() + ".json/file_url.json").then().statusCode(404);
        given().auth().oauth2(Audio.listener()).queryParam("expires", 60).queryParam("file_id", "9")
                .when().get("/api/v2/calls/" + call + ".json/file_url.json").then().statusCode(404);
    }

    /** A call of the tenant with one uploaded file, {@code 1}. */
    @Test
    void bytesPlayedBackAndTheTimeToTheirFirstByteAreMeasured() {
        UUID call = callWithAudio();
        Map<String, String> filesystem = Map.of("storage", "filesystem", "service", "call-service");
        ScrapedMetrics before = ScrapedMetrics.of(metrics);

        download(call, "bytes=10-19").statusCode(206);
        assertArrayEquals(audio, given().auth().oauth2(Audio.listener()).when().get("/api/v2/calls/" + call
                + ".json/file").then().statusCode(200).extract().asByteArray());

        // the last bytes are counted once written, which the client may see first
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ScrapedMetrics.of(metrics)
                .value("parley_playback_bytes_total", filesystem)
                - before.value("parley_playback_bytes_total",
                        filesystem) == 10 + audio.length);
        assertEquals(2, ScrapedMetrics.of(metrics).value("parley_playback_first_byte_seconds_count", Map.of())
                - before.value("parley_playback_first_byte_seconds_count", Map.of()));
    }

    private UUID callWithAudio() {
        UUID call = TestCalls.call(tenant, "2026-03-01T10:00:00Z").store(dataSource);
        Audio.upload(call, "1", "audio/mpeg", audio).statusCode(201);
        return call;
    }

    private ValidatableResponse download(UUID call, String range) {
        return given().auth().oauth2(Audio.listener()).header("Range", range)
                .when().get("/api/v2/calls/" + call + ".json/file").then().header("Accept-Ranges", "bytes");
    }

    private void assertRange(UUID call, String range, String contentRange, int from, int to) {
        byte[] part = download(call, range).statusCode(206).header("Content-Range", contentRange)
                .extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(audio, from, to), part, range);
    }

    private static SignedUrls signer(String key, Instant now) {
        return new SignedUrls(List.of(key), Clock.fixed(now, ZoneOffset.UTC));
    }
}
