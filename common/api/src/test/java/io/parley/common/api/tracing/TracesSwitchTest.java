package io.parley.common.api.tracing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Traces are off until their one setting names a collector; the SDK's own switch, where set, still decides. */
class TracesSwitchTest {

    private static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";

    @Test
    void tracesAreOffWithoutAnEndpoint() {
        assertTrue(sdkDisabled(Map.of()));
    }

    @Test
    void tracesAreOffWithABlankEndpoint() {
        assertTrue(sdkDisabled(Map.of(TracesSwitch.ENDPOINT, " ")));
    }

    @Test
    void anEndpointTurnsTracesOn() {
        assertFalse(sdkDisabled(Map.of(TracesSwitch.ENDPOINT, "http://collector:4318")));
    }

    @Test
    void theSdksOwnSwitchStillDecides() {
        assertTrue(sdkDisabled(Map.of(TracesSwitch.ENDPOINT, "http://collector:4318", SDK_DISABLED, "true")));
        assertFalse(sdkDisabled(Map.of(SDK_DISABLED, "false")));
    }

    /** Whether the SDK is off under these settings, with the extension's default ({@code false}) beneath them. */
    private static boolean sdkDisabled(Map<String, String> settings) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withInterceptors(new TracesSwitch())
                .withDefaultValue(SDK_DISABLED, "false")
                .withSources(new PropertiesConfigSource(settings, "settings", 300))
                .build();
        return config.getValue(SDK_DISABLED, Boolean.class);
    }
}
