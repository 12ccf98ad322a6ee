package io.parley.common.api.tracing;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Turns traces on with one setting, {@value #ENDPOINT} (docs/configuration.md, "Traces"): the OpenTelemetry SDK runs
 * only when it names an OTLP collector, so that a service started without one neither records spans nor logs a failed
 * export. {@code quarkus.otel.sdk.disabled}, where set, still decides.
 */
@Priority(Priorities.LIBRARY)
public class TracesSwitch implements ConfigSourceInterceptor {

    static final String ENDPOINT = "parley.traces.endpoint";
    private static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    /** The ordinal of a jar's {@code microprofile-config.properties}; below it, only the extensions' own defaults. */
    private static final int LOWEST_SET = 100;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!SDK_DISABLED.equals(name) || set(value)) {
            return value;
        }
        ConfigValue endpoint = context.proceed(ENDPOINT);
        boolean off = !set(endpoint) || endpoint.getValue().isBlank();
        return ConfigValue.builder().withName(SDK_DISABLED).withValue(Boolean.toString(off)).build();
    }

    private static boolean set(ConfigValue value) {
        return value != null && value.getValue() != null && value.getConfigSourceOrdinal() >= LOWEST_SET;
    }
}
