package io.parley.common.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Servers started together on picked ports must never be given the same one. */
class FreePortsTest {

    @Test
    void aPortIsNeverPickedTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ports.add(FreePorts.pick());
        }
        assertEquals(1000, ports.size());
    }
}
