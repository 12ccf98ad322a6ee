package io.parley.call.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rows split so that no key appears twice in one statement: the first layer holds each key's first row, the next its
 * second, and so on, each in the order given. One multi-row upsert per layer, layers in order, applies every key's
 * rows in their order, as one statement per row would; PostgreSQL refuses an upsert that meets a key twice.
 */
final class Layers {

    private Layers() {
    }

    static <T, K> List<List<T>> byKey(List<T> rows, Function<T, K> key) {
        List<List<T>> layers = new ArrayList<>();
        Map<K, Integer> seen = new HashMap<>();
        for (T row : rows) {
            int layer = seen.merge(key.apply(row), 1, Integer::sum) - 1;
            if (layer == layers.size()) {
                layers.add(new ArrayList<>());
            }
            layers.get(layer).add(row);
        }
        return layers;
    }
}
