package io.parley.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class UpstreamTest {

    @Test
    void directoryResourcesGoToTheDirectory() {
        for (String path : new String[] { "/api/v2/tenants.json", "/api/v2/tenants/abc.json", "/api/v2/tenant/abc.json",
                "/api/v2/groups.json", "/api/v2/roles/x.json", "/api/v2/users.json", "/api/v2/clients/x.json" }) {
            assertEquals(Optional.of(Upstream.DIRECTORY), Upstream.forPath(path), path);
        }
    }

    @Test
    void callsAndMutingGoToTheCallService() {
        assertEquals(Optional.of(Upstream.CALLS), Upstream.forPath("/api/v2/calls.json"));
        assertEquals(Optional.of(Upstream.CALLS), Upstream.forPath("/api/v2/calls/abc.json/file"));
        assertEquals(Optional.of(Upstream.CALLS), Upstream.forPath("/api/v2/users/abc.json/muting"));
    }

    @Test
    void recorderEventsGoToTheCallService() {
        assertEquals(Optional.of(Upstream.CALLS), Upstream.forPath("/recorder/v1/events"));
        assertTrue(Upstream.forPath("/recorder/v1/").isEmpty());
        assertTrue(Upstream.forPath("/recorder/v2/events").isEmpty());
    }

    @Test
    void signedPlaybackUrlsGoToTheCallService() {
        assertEquals(Optional.of(Upstream.CALLS), Upstream.forPath("/calls/file/e03f497d/signed"));
        assertTrue(Upstream.forPath("/calls/file/e03f497d/other").isEmpty());
        assertTrue(Upstream.forPath("/calls/file/a/b/signed").isEmpty());
        assertTrue(Upstream.forPath("/calls/e03f497d.json").isEmpty());
    }

    @Test
    void keysGoToTheCryptoService() {
        assertEquals(Optional.of(Upstream.CRYPTO), Upstream.forPath("/api/v2/encrypt_keys/k/authorized_users.json"));
    }

    @Test
    void unknownResourcesGoNowhere() {
        assertTrue(Upstream.forPath("/api/v2/nothing.json").isEmpty());
        assertTrue(Upstream.forPath("/api/v2/").isEmpty());
        assertTrue(Upstream.forPath("/internal/v1/authenticate").isEmpty());
        assertTrue(Upstream.forPath("/internal/v1/encrypt_keys/k/data_key").isEmpty());
    }

    @Test
    void onlyKeyAndAudioRequestsReceiveTheKeySecret() {
        assertTrue(Upstream.CRYPTO.receivesKeySecret("/api/v2/encrypt_keys.json"));
        assertTrue(Upstream.CALLS.receivesKeySecret("/api/v2/calls/c.json/file"));
        assertFalse(Upstream.CALLS.receivesKeySecret("/api/v2/calls/c.json"));
        assertTrue(Upstream.CALLS.receivesKeySecret("/api/v2/calls/c.json/file_url.json"));
        assertFalse(Upstream.CALLS.receivesKeySecret("/api/v2/calls/c.json/file_urls.json"));
        assertFalse(Upstream.CALLS.receivesKeySecret("/recorder/v1/events"));
        assertFalse(Upstream.DIRECTORY.receivesKeySecret("/api/v2/users.json"));
    }
}
