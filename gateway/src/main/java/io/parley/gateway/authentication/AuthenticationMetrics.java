package io.parley.gateway.authentication;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sign-ins as meters (docs/reliability.md, "Metrics"): every request's credential check by its outcome
 * ({@code parley.authentication}: success, failure, throttled, unavailable), and the requests refused with
 * {@code 429} because {@link FailureThrottle} held their login or address back ({@code parley.throttled.requests}).
 * A request without Basic credentials is not a credential check and is not counted.
 */
@ApplicationScoped
public class AuthenticationMetrics {

    private final Counter succeeded;
    private final Counter failed;
    private final Counter throttled;
    private final Counter unavailable;
    private final Counter throttledRequests;

    AuthenticationMetrics(MeterRegistry registry) {
        this.succeeded = outcome(registry, "success");
        this.failed = outcome(registry, "failure");
        this.throttled = outcome(registry, "throttled");
        this.unavailable = outcome(registry, "unavailable");
        this.throttledRequests = Counter.builder("parley.throttled.requests")
                .description("Requests refused with 429 after too many failed sign-ins for their login or address")
                .register(registry);
    }

    public void count(CallerAuthentication.Outcome outcome) {
        if (outcome instanceof CallerAuthentication.Authenticated) {
            succeeded.increment();
        } else if (outcome instanceof CallerAuthentication.Throttled) {
            throttled.increment();
            throttledRequests.increment();
        } else if (outcome instanceof CallerAuthentication.Unavailable) {
            unavailable.increment();
        } else {
            failed.increment();
        }
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("parley.authentication")
                .description("Credential checks of requests at the gateway, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
