package io.parley.common.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds loopback ports nobody listens on, for servers started with port 0. A port is handed out once per JVM: the
 * system may offer a port again as soon as its probe closes, and two servers of one start (a broker's client and
 * controller listeners, a platform's services) picking the same port cannot both listen on it.
 */
public final class FreePorts {

    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int pick() {
        while (true) {
            int port = probe();
            if (GIVEN.add(port)) {
                return port;
            }
        }
    }

    /** The given port, or a free one when it is 0. */
    public static int orFree(int port) {
        return port == 0 ? pick() : port;
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }
}
