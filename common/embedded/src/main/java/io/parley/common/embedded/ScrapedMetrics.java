package io.parley.common.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's {@code /q/metrics} as Prometheus scrapes it (its text format), for tests to read a metric by its
 * Prometheus name and labels.
 */
public final class ScrapedMetrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String text;

    private ScrapedMetrics(String text) {
        this.text = text;
    }

    /** Scrapes the metrics endpoint once. */
    public static ScrapedMetrics of(URL metrics) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(metrics.toString()))
                    .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(metrics + " answered " + response.statusCode());
            }
            return new ScrapedMetrics(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of the samples of {@code name} whose labels include {@code labels}; empty when there is none. */
    public OptionalDouble sum(String name, Map<String, String> labels) {
        boolean found = false;
        double sum = 0;
        for (String line : text.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            if (labels(sample.group(2)).entrySet().containsAll(labels.entrySet())) {
                found = true;
                sum += Double.parseDouble(sample.group(3));
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    /** The sum as {@link #sum}, 0 when there is no such sample. */
    public double value(String name, Map<String, String> labels) {
        return sum(name, labels).orElse(0);
    }

    /** The labels of each sample of {@code name}, e.g. to check that each carries {@code service}. */
    public List<Map<String, String>> labelsOf(String name) {
        return text.lines().map(SAMPLE::matcher).filter(sample -> sample.matches() && sample.group(1).equals(name))
                .map(sample -> labels(sample.group(2))).toList();
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }
}
