package io.parley.gateway;

import io.parley.common.embedded.FreePorts;

/** A loopback port nothing listens on, standing for a service that is down. */
final class ClosedPort {

    static final int PORT = FreePorts.pick();

    private ClosedPort() {
    }
}
