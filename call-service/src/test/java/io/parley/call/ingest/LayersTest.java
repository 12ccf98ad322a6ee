package io.parley.call.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LayersTest {

    @Test
    void eachKeyAppearsOnceInALayerAndItsRowsKeepTheirOrderAcrossLayers() {
        List<String> rows = List.of("a1", "b1", "a2", "c1", "a3", "b2");

        List<List<String>> layers = Layers.byKey(rows, row -> row.charAt(0));

        assertEquals(List.of(List.of("a1", "b1", "c1"), List.of("a2", "b2"), List.of("a3")), layers);
    }

    @Test
    void rowsOfDistinctKeysMakeOneLayer() {
        assertEquals(List.of(List.of("a", "b")), Layers.byKey(List.of("a", "b"), row -> row));
        assertEquals(List.of(), Layers.byKey(List.<String> of(), row -> row));
    }
}
