package io.xgate.controlplane.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class IkeStatusEndpointTest {

    @Test
    void ipv4EndpointsArePlainAndIpv6OnesBracketed() throws Exception {
        assertEquals("192.0.2.1:500", IkeStatus.endpoint(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 500)));
        assertEquals("[2001:db8::1]:4500",
            IkeStatus.endpoint(new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 4500)));
    }
}
