package io.parley.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Stands in for the services behind the gateway. Its credential check accepts every login with the password
 * {@value #PASSWORD} and counts the checks per login; its API and recorder paths echo the path and the
 * {@code Authorization}, {@code Range} and {@code X-Parley-Key-Secret} headers they received. Audio stands in too: an
 * upload ({@code /recorder/v1/calls/...}) answers how many bytes came, and the signed URL of the call
 * {@value #LARGE_AUDIO_CALL} serves {@value #LARGE_AUDIO_SIZE} bytes with their length.
 */
final class FakeServices {

    static final String PASSWORD = "right-password";
    static final UUID TENANT = UUID.randomUUID();
    static final String LARGE_AUDIO_CALL = "large";
    static final int LARGE_AUDIO_SIZE = 5 * 1024 * 1024;

    private static final HttpServer SERVER = start();
    private static final Map<String, AtomicInteger> CHECKS = new ConcurrentHashMap<>();
    private static final AtomicReference<String> LAST_CHECK_AUTHORIZATION = new AtomicReference<>();

    private FakeServices() {
    }

    static String url() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort();
    }

    static UUID userId(String login) {
        return UUID.nameUUIDFromBytes(login.getBytes(StandardCharsets.UTF_8));
    }

    /** How many times the directory was asked about this login. */
    static int checks(String login) {
        return CHECKS.getOrDefault(login, new AtomicInteger()).get();
    }

    static String lastCheckAuthorization() {
        return LAST_CHECK_AUTHORIZATION.get();
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/v1/authenticate", FakeServices::authenticate);
            server.createContext("/api/v2/", FakeServices::echo);
            server.createContext("/recorder/v1/", FakeServices::echo);
            server.createContext("/calls/file/", FakeServices::echo);
            server.createContext("/recorder/v1/calls/", FakeServices::countUpload);
            server.createContext("/calls/file/" + LARGE_AUDIO_CALL + "/", FakeServices::largeAudio);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void authenticate(HttpExchange exchange) throws IOException {
        LAST_CHECK_AUTHORIZATION.set(exchange.getRequestHeaders().getFirst("Authorization"));
        JsonObject request = new JsonObject(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        String login = request.getString("login");
        CHECKS.computeIfAbsent(login, key -> new AtomicInteger()).incrementAndGet();
        if (!PASSWORD.equals(request.getString("password"))) {
            respond(exchange, 401, "");
            return;
        }
        respond(exchange, 200, new JsonObject()
                .put("user_id", userId(login).toString())
                .put("tenant_id", TENANT.toString())
                .put("group_id", UUID.randomUUID().toString())
                .put("role_id", UUID.randomUUID().toString())
                .put("login", login)
                .put("access_level", "system")
                .put("managed_groups", new JsonArray())
                .put("permissions", new JsonArray().add("users:view"))
                .put("timezone", "Europe/Berlin")
                .encode());
    }

    private static void echo(HttpExchange exchange) throws IOException {
        JsonObject received = new JsonObject()
                .put("authorization", exchange.getRequestHeaders().getFirst("Authorization"))
                .put("authorization_headers", exchange.getRequestHeaders().getOrDefault("Authorization",
                        java.util.List.of()).size())
                .put("range", exchange.getRequestHeaders().getFirst("Range"))
                .put("key_secret", exchange.getRequestHeaders().getFirst("X-Parley-Key-Secret"))
                .put("path", exchange.getRequestURI().getPath())
                .put("query", exchange.getRequestURI().getRawQuery());
        respond(exchange, 200, received.encode());
    }

    private static void countUpload(HttpExchange exchange) throws IOException {
        long received = exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        respond(exchange, 201, new JsonObject().put("received", received).encode());
    }

    private static void largeAudio(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "audio/mpeg");
        exchange.sendResponseHeaders(200, LARGE_AUDIO_SIZE);
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream body = exchange.getResponseBody()) {
            for (int sent = 0; sent < LARGE_AUDIO_SIZE; sent += chunk.length) {
                body.write(chunk, 0, Math.min(chunk.length, LARGE_AUDIO_SIZE - sent));
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
