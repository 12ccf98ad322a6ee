package io.parley.gateway;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * Stands in for call-service as the gateway's pooled connections see it: an HTTP/1.1 server (Vert.x, as under Quarkus)
 * that keeps each connection open between requests and records the connection every request came on. Its signed
 * download ({@code /calls/file/download/signed}) is {@value #DOWNLOAD_SIZE} bytes; its recorder events are answered
 * {@code 202} once the test {@link #answerEvents() says so}; anything else echoes its method and path. Told to
 * {@link #closeTheNextConnection()}, it closes the connection of the next request without answering it, as a service
 * closing a kept-alive connection just as a request arrives on it does.
 */
final class KeptAliveService {

    static final int DOWNLOAD_SIZE = 160 * 1024;
    static final String DOWNLOAD = "/calls/file/download/signed";
    static final String EVENTS = "/recorder/v1/events";

    /** A request as it arrived, and the connection it came on. */
    record Received(String method, String path, int connection) {
    }

    private static final Vertx VERTX = Vertx.vertx();
    private static final Map<HttpConnection, Integer> CONNECTIONS = new ConcurrentHashMap<>();
    private static final List<Integer> CLOSED = new CopyOnWriteArrayList<>();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Queue<HttpServerResponse> HELD = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger CONNECTION_IDS = new AtomicInteger();
    private static final AtomicBoolean CLOSE_NEXT = new AtomicBoolean();
    private static final HttpServer SERVER = start();

    private KeptAliveService() {
    }

    static String url() {
        return "http://127.0.0.1:" + SERVER.actualPort();
    }

    /** The requests received for this path, in order. */
    static List<Received> received(String path) {
        return RECEIVED.stream().filter(request -> request.path().equals(path)).toList();
    }

    static boolean closed(int connection) {
        return CLOSED.contains(connection);
    }

    /** How many recorder events were read and wait for their answer. */
    static int heldEvents() {
        return HELD.size();
    }

    /** Answers the recorder events held so far. */
    static void answerEvents() {
        for (HttpServerResponse response = HELD.poll(); response != null; response = HELD.poll()) {
            response.setStatusCode(202).end();
        }
    }

    static void closeTheNextConnection() {
        CLOSE_NEXT.set(true);
    }

    private static HttpServer start() {
        try {
            return VERTX.createHttpServer()
                    .connectionHandler(connection -> {
                        int id = CONNECTION_IDS.incrementAndGet();
                        CONNECTIONS.put(connection, id);
                        connection.closeHandler(ignored -> CLOSED.add(id));
                    })
                    .requestHandler(KeptAliveService::handle)
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void handle(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        RECEIVED.add(new Received(request.method().name(), request.path(), CONNECTIONS.get(connection)));
        if (CLOSE_NEXT.compareAndSet(true, false)) {
            connection.close();
            return;
        }
        if (request.path().equals(DOWNLOAD)) {
            request.response().putHeader("Content-Type", "audio/mpeg").end(Buffer.buffer(new byte[DOWNLOAD_SIZE]));
        } else if (request.path().equals(EVENTS)) {
            request.body().onSuccess(body -> HELD.add(request.response()));
        } else {
            request.body().onSuccess(body -> request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("method", request.method().name()).put("path", request.path())
                            .encode()));
        }
    }
}
