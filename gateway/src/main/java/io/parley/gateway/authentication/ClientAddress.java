package io.parley.gateway.authentication;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The address failed sign-ins are counted against ({@link FailureThrottle}): an IPv4 address as it is, an IPv6 one by
 * its /64 network, which one subscriber usually holds whole and could otherwise step through to start afresh.
 */
public final class ClientAddress {

    private static final int NETWORK_BYTES = 8;

    private ClientAddress() {
    }

    /** From a numeric address ({@code 203.0.113.7}, {@code 2001:db8::1}); anything else is kept as it is. */
    public static String of(String hostAddress) {
        if (hostAddress.indexOf(':') < 0) {
            return hostAddress;
        }
        int zone = hostAddress.indexOf('%');
        try {
            // a literal with a colon is parsed, never looked up
            InetAddress address = InetAddress.getByName(zone < 0 ? hostAddress : hostAddress.substring(0, zone));
            byte[] bytes = address.getAddress();
            if (bytes.length != 16) {
                return address.getHostAddress(); // an IPv4 address mapped into IPv6
            }
            return HexFormat.of().formatHex(bytes, 0, NETWORK_BYTES) + "::/64";
        } catch (UnknownHostException e) {
            return hostAddress;
        }
    }
}
