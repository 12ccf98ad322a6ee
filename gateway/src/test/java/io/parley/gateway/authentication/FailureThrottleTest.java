package io.parley.gateway.authentication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;
import io.parley.gateway.GatewayConfig;

class FailureThrottleTest {

    private final ManualTime time = new ManualTime();
    private final FailureThrottle throttle = new FailureThrottle(
            new Settings(5, 20, 50, Duration.ofMinutes(1), 4, Duration.ofDays(30), 1000), time);

    @Test
    void fiveFailuresOfALoginFromAnAddressHoldBackOnlyThatAddress() {
        failTimes(5, "root", "10.0.0.66");
        assertEquals(Duration.ofSeconds(12), refused("root", "10.0.0.66")); // one attempt back every 60 s / 5
        assertAllowed("root", "10.0.0.1"); // the real user, elsewhere, is not held back
        assertAllowed("bob", "10.0.0.66"); // nor other logins from that address
    }

    @Test
    void aStrangerGuessingForHoursNeverHoldsTheUserBackFromAnotherAddress() {
        for (int attempt = 0; attempt < 500; attempt++) {
            if (throttle.reserve("root", "203.0.113.9") instanceof FailureThrottle.Refused refused) {
                time.advance(refused.retryAfter());
            }
            throttle.succeeded(assertAllowed("root", "10.0.0.1"));
        }
    }

    @Test
    void theWaitDoublesAtEachStepForAGuesserWhoKeepsGoing() {
        List<Duration> waits = new ArrayList<>();
        int failures = 0;
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(Duration.ofHours(3)) < 0;) {
            if (throttle.reserve("root", "203.0.113.9") instanceof FailureThrottle.Refused refused) {
                waits.add(refused.retryAfter());
                time.advance(refused.retryAfter());
                elapsed = elapsed.plus(refused.retryAfter());
            } else {
                failures++;
            }
        }
        assertEquals(Duration.ofSeconds(12), waits.get(0)); // 5 per minute
        assertEquals(Duration.ofSeconds(96), waits.get(waits.size() - 1)); // 40 per 64 minutes
        assertTrue(failures < 3 * 3600 / 12 / 4, "far fewer than a steady 5 a minute: " + failures);
    }

    @Test
    void aGuesserWhoStopsGetsEverythingBack() {
        failTimes(5, "root", "203.0.113.9");
        time.advance(Duration.ofMinutes(64)); // the longest step
        failTimes(5, "root", "203.0.113.9");
    }

    @Test
    void twentyFailuresFromAnAddressHoldItBackWhateverTheLogin() {
        for (int i = 0; i < 20; i++) {
            failTimes(1, "user" + i, "10.0.0.1");
        }
        assertEquals(Duration.ofSeconds(3), refused("someone-else", "10.0.0.1"));
        assertAllowed("someone-else", "10.0.0.2");
    }

    @Test
    void manyAddressesMeetTheLoginsCeilingButNotWhereItSignedInBefore() {
        throttle.succeeded(assertAllowed("root", "10.0.0.1"));
        for (int i = 0; i < 50; i++) {
            failTimes(1, "root", "198.51.100." + i);
        }
        assertEquals(Duration.ofSeconds(2), refused("root", "198.51.100.200")); // 60 s / 50, rounded up
        assertAllowed("root", "10.0.0.1");
    }

    @Test
    void aKnownAddressIsForgottenAfterItsTime() {
        throttle.succeeded(assertAllowed("root", "10.0.0.1"));
        time.advance(Duration.ofDays(31));
        for (int i = 0; i < 50; i++) {
            failTimes(1, "root", "198.51.100." + i);
        }
        refused("root", "10.0.0.1");
    }

    @Test
    void aSuccessGivesBackOnlyItsOwnAttempt() {
        failTimes(4, "alice", "10.0.0.1");
        throttle.succeeded(assertAllowed("alice", "10.0.0.1")); // the password was right
        failTimes(1, "alice", "10.0.0.1"); // the earlier four still count
        refused("alice", "10.0.0.1");
    }

    @Test
    void anUnansweredCheckIsGivenBack() {
        for (int i = 0; i < 10; i++) {
            throttle.giveBack(assertAllowed("alice", "10.0.0.1")); // the directory could not answer
        }
        failTimes(5, "alice", "10.0.0.1");
    }

    @Test
    void aRefusedAttemptTakesNothingFromTheOtherAllowances() {
        for (int i = 0; i < 20; i++) {
            failTimes(1, "user" + i, "10.0.0.1");
        }
        for (int i = 0; i < 10; i++) {
            refused("alice", "10.0.0.1");
        }
        failTimes(5, "alice", "10.0.0.2"); // alice still has her whole allowance
    }

    @Test
    void parallelAttemptsCannotOvertakeTheCount() {
        failTimes(5, "alice", "10.0.0.1"); // five checks under way, none answered yet
        refused("alice", "10.0.0.1");
    }

    @Test
    void memoryStaysBoundedWhateverLoginsAndAddressesCallersSend() {
        FailureThrottle small = new FailureThrottle(
                new Settings(5, 20, 50, Duration.ofMinutes(1), 4, Duration.ofDays(30), 100), time);
        for (int i = 0; i < 20_000; i++) {
            String login = "login-" + i + "-" + "x".repeat(1000);
            if (small.reserve(login,
                    "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255)) instanceof FailureThrottle.Allowed allowed
                    && i % 2 == 0) {
                small.succeeded(allowed);
            }
        }
        assertTrue(small.trackedEntries() <= 4 * 100, "entries: " + small.trackedEntries());
        assertTrue(FailureThrottle.key("x".repeat(10_000)).length() <= 71, "a long login is kept as its digest");
        assertEquals("root", FailureThrottle.key("root"));
    }

    private void failTimes(int times, String login, String address) {
        for (int i = 0; i < times; i++) {
            assertInstanceOf(FailureThrottle.Allowed.class, throttle.reserve(login, address),
                    login + " from " + address + ", attempt " + (i + 1));
        }
    }

    private FailureThrottle.Allowed assertAllowed(String login, String address) {
        return assertInstanceOf(FailureThrottle.Allowed.class, throttle.reserve(login, address),
                login + " from " + address);
    }

    private Duration refused(String login, String address) {
        return assertInstanceOf(FailureThrottle.Refused.class, throttle.reserve(login, address),
                login + " from " + address).retryAfter();
    }

    record Settings(long loginAddressFailures, long addressFailures, long loginFailures, Duration window, int steps,
            Duration knownAddressTtl, long trackedKeys)
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
