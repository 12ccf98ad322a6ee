package io.parley.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.parley.common.embedded.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

/**
 * Audio-sized bodies through the gateway: uploads past Quarkus's default 10 MB limit, chunked uploads and uploads that
 * ask before they send, downloads with their length.
 */
@QuarkusTest
@TestProfile(GatewayAuthenticationTest.StandInServices.class)
class GatewayLargeBodiesTest {

    @Test
    void uploadLargerThanTenMegabytesReachesTheService() {
        byte[] audio = new byte[24 * 1024 * 1024];

        given().auth().preemptive().basic("recorder", FakeServices.PASSWORD).contentType("audio/mpeg").body(audio)
                .when().put("/recorder/v1/calls/e03f497d-bdff-1019-102b-f5caab54f081/files/1")
                .then().statusCode(201).body("received", equalTo(audio.length));
    }

    @Test
    void chunkedUploadReachesTheService() throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            send(socket, "PUT /recorder/v1/calls/e03f497d-bdff-1019-102b-f5caab54f081/files/1 HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Basic " + Base64.getEncoder().encodeToString(
                            ("recorder:" + FakeServices.PASSWORD).getBytes(StandardCharsets.UTF_8))
                    + "\r\nContent-Type: audio/mpeg\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
            byte[] chunk = new byte[100_000];
            for (int i = 0; i < 3; i++) {
                send(socket, Integer.toHexString(chunk.length) + "\r\n");
                socket.getOutputStream().write(chunk);
                send(socket, "\r\n");
            }
            send(socket, "0\r\n\r\n");
            String head = RawHttp.head(socket.getInputStream());
            assertTrue(head.startsWith("http/1.1 201"), head);
            String body = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(3 * chunk.length, new JsonObject(body).getInteger("received"));
        }
    }

    @Test
    void downloadKeepsItsContentLengthAndIsNotChunked() throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            send(socket, "GET /calls/file/" + FakeServices.LARGE_AUDIO_CALL + "/signed?expires=1&key=k&sign=s HTTP/1.1\r\n"
                    + "Host: localhost\r\nConnection: close\r\n\r\n");
            String head = RawHttp.head(socket.getInputStream());
            assertTrue(head.startsWith("http/1.1 200"), head);
            assertTrue(head.contains("\r\ncontent-length: " + FakeServices.LARGE_AUDIO_SIZE + "\r\n"), head);
            assertFalse(head.contains("transfer-encoding"), head);
            assertEquals(FakeServices.LARGE_AUDIO_SIZE, socket.getInputStream().transferTo(OutputStream.nullOutputStream()));
        }
    }

    @Test
    void uploadAskingWhetherToSendIsToldToOnceAuthenticated() throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            send(socket, upload(FakeServices.PASSWORD, 1_000));
            String interim = RawHttp.head(socket.getInputStream());
            assertTrue(interim.startsWith("http/1.1 100 continue"), interim);
            socket.getOutputStream().write(new byte[1_000]);
            String head = RawHttp.head(socket.getInputStream());
            assertTrue(head.startsWith("http/1.1 201"), head);
        }
    }

    @Test
    void uploadAskingWhetherToSendWithTheWrongPasswordIsRefusedBeforeTheBody() throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            send(socket, upload("wrong-password", 1_000));
            String head = RawHttp.head(socket.getInputStream());
            assertTrue(head.startsWith("http/1.1 401"), head);
        }
    }

    /** The head of a PUT of an audio file that waits for {@code 100 Continue} before its body. */
    private static String upload(String password, int length) {
        return "PUT /recorder/v1/calls/e03f497d-bdff-1019-102b-f5caab54f081/files/1 HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Basic " + Base64.getEncoder().encodeToString(("recorder:" + password)
                        .getBytes(StandardCharsets.UTF_8))
                + "\r\nContent-Type: audio/mpeg\r\nContent-Length: " + length + "\r\nExpect: 100-continue\r\n"
                + "Connection: close\r\n\r\n";
    }

    private static void send(Socket socket, String head) throws IOException {
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    }
}
