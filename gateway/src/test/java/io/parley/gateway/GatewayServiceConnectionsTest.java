package io.parley.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.parley.common.embedded.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The gateway's kept-alive connections to a service: one caller leaving does not cost another caller its request, a
 * read whose connection closes under it is sent again, and a change is never sent twice.
 */
@QuarkusTest
@TestProfile(GatewayServiceConnectionsTest.KeptAliveCallService.class)
class GatewayServiceConnectionsTest {

    /** call-service is {@link KeptAliveService}; an answer nobody reads stays in the gateway. */
    public static class KeptAliveCallService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.gateway.directory-url", FakeServices.url(),
                    "parley.gateway.call-url", KeptAliveService.url(),
                    "parley.gateway.crypto-url", FakeServices.url(),
                    "parley.test.send-buffer-size", "8192");
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aCallerLeavingDoesNotTakeAnotherCallersRequestWithIt() throws IOException {
        try (Socket download = new Socket(); Socket events = new Socket()) {
            // a download whose caller reads nothing of it: the gateway has read it whole from the service (it reads
            // up to 64 KiB ahead of what it passes on), but the caller's 4 KiB receive buffer, the gateway's 8 KiB
            // send buffer and its 64 KiB write queue hold less than it, so the caller's answer cannot be complete
            download.setReceiveBufferSize(4096);
            download.connect(new InetSocketAddress("localhost", RestAssured.port));
            send(download, "GET " + KeptAliveService.DOWNLOAD + "?expires=1&key=k&sign=s HTTP/1.1\r\n"
                    + "Host: localhost\r\n\r\n");
            int downloadConnection = await().atMost(PATIENCE)
                    .until(() -> KeptAliveService.received(KeptAliveService.DOWNLOAD), list -> !list.isEmpty())
                    .get(0).connection();

            // another caller's request, read by the service, which has not answered yet
            events.connect(new InetSocketAddress("localhost", RestAssured.port));
            String event = "{\"type\": \"call.started\"}";
            send(events, "POST " + KeptAliveService.EVENTS + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic " + basic("recorder") + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + event.length() + "\r\n\r\n" + event);
            await().atMost(PATIENCE).until(() -> KeptAliveService.heldEvents() == 1);

            // the first caller leaves: the gateway drops its exchange with the service, and that one only
            download.setSoLinger(true, 0);
            download.close();
            await().atMost(PATIENCE).until(() -> KeptAliveService.closed(downloadConnection));
            KeptAliveService.answerEvents();

            String answer = RawHttp.head(events.getInputStream());
            assertTrue(answer.startsWith("http/1.1 202"), answer);
            assertEquals(1, KeptAliveService.received(KeptAliveService.EVENTS).size());
        }
    }

    @Test
    void aReadWhoseConnectionClosesBeforeItsAnswerIsSentAgainOnANewConnection() {
        String path = "/api/v2/calls/" + UUID.randomUUID() + ".json";
        KeptAliveService.closeTheNextConnection();

        given().auth().preemptive().basic("reader", FakeServices.PASSWORD)
                .when().get(path)
                .then().statusCode(200).body("path", equalTo(path));

        List<KeptAliveService.Received> received = KeptAliveService.received(path);
        assertEquals(2, received.size());
        assertNotEquals(received.get(0).connection(), received.get(1).connection());
    }

    @Test
    void aChangeWhoseConnectionClosesIsAnswered503AndNeverSentTwice() {
        String call = "/api/v2/calls/" + UUID.randomUUID() + ".json";
        KeptAliveService.closeTheNextConnection();
        given().auth().preemptive().basic("muter", FakeServices.PASSWORD)
                .when().post(call + "/muting?action=mute")
                .then().statusCode(503).body("error", equalTo("ServiceUnavailable"));
        assertEquals(1, KeptAliveService.received(call + "/muting").size());

        KeptAliveService.closeTheNextConnection();
        given().auth().preemptive().basic("deleter", FakeServices.PASSWORD)
                .when().delete(call)
                .then().statusCode(503).body("error", equalTo("ServiceUnavailable"));
        assertEquals(1, KeptAliveService.received(call).size());
    }

    private static String basic(String login) {
        return Base64.getEncoder().encodeToString((login + ":" + FakeServices.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    }
}
