package io.parley.common.api.metrics;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Tags every meter of the service with {@code service} (its {@code quarkus.application.name}: gateway,
 * directory-service, call-service, crypto-service), so that one dashboard and one alert rule cover every service
 * whatever labels the scraper adds (docs/reliability.md, "Metrics"). Quarkus applies every {@link MeterFilter} bean
 * to its registries.
 */
@Singleton
public class ServiceTag {

    @Produces
    @Singleton
    MeterFilter serviceTag(@ConfigProperty(name = "quarkus.application.name") String service) {
        return MeterFilter.commonTags(Tags.of("service", service));
    }
}
