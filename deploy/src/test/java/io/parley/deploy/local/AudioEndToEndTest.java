package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Audio through the real gateway, as the launcher configures it: an upload, a ranged download, and a signed URL that
 * a browser opens without credentials (and that stops working when altered).
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
}
