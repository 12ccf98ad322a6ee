package io.parley.gateway.authentication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;
import io.parley.gateway.GatewayConfig;

class FailureThrottleTest {

    private final ManualTime time = new ManualTime();
    private final FailureThrottle throttle = new FailureThrottle(
            new Settings(5, 20, Duration.ofMinutes(1), 1000), time);

    @Test
    void fiveFailuresOfALoginBlockItsSixthAttempt() {
        failTimes(5, "alice", "10.0.0.1");
        Optional<Duration> wait = throttle.reserve("alice", "10.0.0.2");
        assertEquals(Optional.of(Duration.ofSeconds(12)), wait); // one attempt back every 60 s / 5
        assertTrue(throttle.reserve("bob", "10.0.0.1").isEmpty(), "other logins are not blocked");
    }

    @Test
    void aBlockedLoginGetsAttemptsBackOverTheWindow() {
        failTimes(5, "alice", "10.0.0.1");
        time.advance(Duration.ofSeconds(12));
        assertTrue(throttle.reserve("alice", "10.0.0.1").isEmpty());
        assertTrue(throttle.reserve("alice", "10.0.0.1").isPresent());
    }

    @Test
    void twentyFailuresFromAnAddressBlockItWhateverTheLogin() {
        for (int i = 0; i < 20; i++) {
            failTimes(1, "user" + i, "10.0.0.1");
        }
        assertEquals(Optional.of(Duration.ofSeconds(3)), throttle.reserve("someone-else", "10.0.0.1"));
        assertTrue(throttle.reserve("someone-else", "10.0.0.2").isEmpty(), "other addresses are not blocked");
    }

    @Test
    void aSuccessGivesBackOnlyItsOwnAttempt() {
        failTimes(4, "alice", "10.0.0.1");
        assertTrue(throttle.reserve("alice", "10.0.0.1").isEmpty());
        throttle.release("alice", "10.0.0.1"); // the password was right
        failTimes(1, "alice", "10.0.0.1"); // the earlier four still count
        assertTrue(throttle.reserve("alice", "10.0.0.1").isPresent());
    }

    @Test
    void aBlockedAddressTakesNothingFromTheLogin() {
        for (int i = 0; i < 20; i++) {
            failTimes(1, "user" + i, "10.0.0.1");
        }
        for (int i = 0; i < 10; i++) {
            assertTrue(throttle.reserve("alice", "10.0.0.1").isPresent());
        }
        failTimes(5, "alice", "10.0.0.2"); // alice still has her whole allowance
    }

    @Test
    void parallelAttemptsCannotOvertakeTheCount() {
        for (int i = 0; i < 5; i++) {
            assertTrue(throttle.reserve("alice", "10.0.0.1").isEmpty()); // five checks under way, none answered yet
        }
        assertTrue(throttle.reserve("alice", "10.0.0.1").isPresent());
    }

    private void failTimes(int times, String login, String address) {
        for (int i = 0; i < times; i++) {
            assertTrue(throttle.reserve(login, address).isEmpty(), login + " attempt " + (i + 1));
        }
    }

    record Settings(long loginFailures, long addressFailures, Duration window, long trackedKeys)
            implements
                GatewayConfig.Throttle {
    }

    static final class ManualTime implements TimeMeter {
        private final AtomicLong nanos = new AtomicLong(1);

        void advance(Duration duration) {
            nanos.addAndGet(duration.toNanos());
        }

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
