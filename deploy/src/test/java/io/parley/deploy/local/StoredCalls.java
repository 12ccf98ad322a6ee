package io.parley.deploy.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

/** What the fault tests ask of a recorder's calls once the platform has taken them all in. */
final class StoredCalls {

    private StoredCalls() {
    }

    /**
     * Waits until call-service holds every call of the recorder whole, then checks that none was stored twice, that
     * each of its events was applied exactly once and that none was set aside.
     */
    static void awaitEveryCallWholeAndOnce(LocalPlatform platform, RecorderCalls recorder, int calls) {
        PlatformDatabase database = new PlatformDatabase(platform);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(calls, database.completeCalls(recorder.recorderId()),
                        () -> "calls whole, of " + database.storedCalls(recorder.recorderId()) + " stored, "
                                + database.appliedEvents("calls", recorder.events()) + " events applied; not whole:"
                                + database.notWhole(recorder.recorderId())));
        assertEquals(calls, database.storedCalls(recorder.recorderId()));
        assertEquals(calls * RecorderCalls.EVENTS_PER_CALL, database.appliedEvents("calls", recorder.events()),
                "every recorder event applied once");
        assertEquals(0, DeadLetterTopics.recorderEventsAbout(platform, recorder.calls()), "nothing was set aside");
    }
}
