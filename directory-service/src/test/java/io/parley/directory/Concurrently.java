package io.parley.directory;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Runs actions at the same moment, one thread each, as concurrent clients would send their requests: every thread
 * is started and waiting before any is let go.
 */
public final class Concurrently {

    /** What one action got: an HTTP status and body, or what an action that is no request reports. */
    public record Outcome(int status, String body) {
    }

    private Concurrently() {
    }

    public static List<Outcome> run(List<Callable<Outcome>> actions) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(actions.size());
        CountDownLatch ready = new CountDownLatch(actions.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Outcome>> running = new ArrayList<>();
            for (Callable<Outcome> action : actions) {
                running.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return action.call();
                }));
            }
            ready.await();
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> outcome : running) {
                outcomes.add(outcome.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    /** {@code count} actions, the {@code i}th made by {@code action.apply(i)}: each its own request. */
    public static List<Outcome> run(int count, IntFunction<Callable<Outcome>> action) throws Exception {
        return run(IntStream.range(0, count).mapToObj(action).toList());
    }

    /** A POST of a JSON body, built now with the current caller's credentials and sent when run. */
    public static Callable<Outcome> post(String path, String body) {
        return send(given().contentType(ContentType.JSON).body(body), "POST", path);
    }

    /** A PUT of a JSON body, built now with the current caller's credentials and sent when run. */
    public static Callable<Outcome> put(String path, String body) {
        return send(given().contentType(ContentType.JSON).body(body), "PUT", path);
    }

    private static Callable<Outcome> send(RequestSpecification request, String method, String path) {
        return () -> {
            Response response = request.request(method, path);
            return new Outcome(response.statusCode(), response.asString());
        };
    }
}
