package io.parley.gateway.authentication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv4AddressCountsAsItself() {
        assertEquals("203.0.113.7", ClientAddress.of("203.0.113.7"));
    }

    @Test
    void anIpv6AddressCountsAsItsSlash64() {
        assertEquals("20010db8000000aa::/64", ClientAddress.of("2001:db8:0:aa::1"));
        assertEquals(ClientAddress.of("2001:db8:0:aa::1"), ClientAddress.of("2001:db8:0:aa:ffff:1:2:3"));
        assertNotEquals(ClientAddress.of("2001:db8:0:aa::1"), ClientAddress.of("2001:db8:0:ab::1"));
        assertEquals(ClientAddress.of("fe80::1"), ClientAddress.of("fe80::1%eth0"));
    }

    @Test
    void anIpv4AddressMappedIntoIpv6CountsAsTheIpv4Address() {
        assertEquals("203.0.113.7", ClientAddress.of("::ffff:203.0.113.7"));
    }
}
