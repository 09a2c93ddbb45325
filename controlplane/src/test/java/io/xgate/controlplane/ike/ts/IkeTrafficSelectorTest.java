package io.xgate.controlplane.ike.ts;

import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.controlplane.config.ProxyId;
import io.xgate.controlplane.ike.payload.Role;
import io.xgate.controlplane.ike.payload.TrafficSelector;
import io.xgate.controlplane.ike.payload.TsPayload;
import io.xgate.controlplane.ike.wire.Bytes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class IkeTrafficSelectorTest {
    private static final ProxyId P1 = new ProxyId("p1", IpPrefix.parse("198.18.1.0/24"), IpPrefix.parse("198.18.2.0/24"),
        ProxyId.Any.INSTANCE);

    private static TrafficSelector any(final String prefix) {
        return TrafficSelectors.of(IpPrefix.parse(prefix), TrafficSelector.ANY_PROTOCOL, 0);
    }

    @Test
    void proxyIdBecomesAddressRangesWithAllPorts() {
        final TrafficSelectors.Pair pair = TrafficSelectors.of(P1);

        assertEquals(new TrafficSelector(TrafficSelector.TS_IPV4_ADDR_RANGE, 0, 0, 65535, Bytes.fromHex("c6120100"),
            Bytes.fromHex("c61201ff")), pair.local());
        assertEquals("198.18.2.0/24", TrafficSelectors.addresses(pair.remote()));
    }

    @Test
    void tcpProxyIdCarriesProtocolAndPorts() {
        final ProxyId web = new ProxyId("web", IpPrefix.parse("2001:db8::/64"), IpPrefix.parse("2001:db8:1::5"),
            new ProxyId.Ports(ProxyId.Transport.TCP, 0, 443));
        final TrafficSelectors.Pair pair = TrafficSelectors.of(web);

        assertEquals(TrafficSelector.TS_IPV6_ADDR_RANGE, pair.local().tsType());
        assertEquals("2001:db8::/64", TrafficSelectors.addresses(pair.local()));
        assertEquals("2001:db8:1::5/128", TrafficSelectors.addresses(pair.remote()));
        assertEquals("tcp", TrafficSelectors.protocol(pair.local()));
        assertEquals("tcp/443", TrafficSelectors.protocol(pair.remote()));
    }

    @Test
    void responderNarrowsToTheIntersection() {
        final TsPayload tsi = new TsPayload(Role.INITIATOR, List.of(any("198.18.2.0/23")));
        final TsPayload tsr = new TsPayload(Role.RESPONDER, List.of(any("198.18.1.0/25"), any("10.0.0.0/8")));

        assertEquals(new Narrowing.Narrowed(new TsPayload(Role.INITIATOR, List.of(any("198.18.2.0/24"))),
            new TsPayload(Role.RESPONDER, List.of(any("198.18.1.0/25")))), TsNarrowing.narrow(P1, tsi, tsr));
    }

    @Test
    void explainsTsUnacceptableFromOurSide() {
        final TsPayload tsi = new TsPayload(Role.INITIATOR, List.of(any("10.0.0.0/8")));
        final TsPayload tsr = new TsPayload(Role.RESPONDER, List.of(any("198.18.1.0/25")));

        assertEquals(new Narrowing.Unacceptable("TS_UNACCEPTABLE: proxy-id p1 198.18.1.0/24<->198.18.2.0/24 any;"
            + " peer allows 198.18.1.0/25<->10.0.0.0/8 any"), TsNarrowing.narrow(P1, tsi, tsr));
    }

    @Test
    void protocolsAndPortsIntersect() {
        final TrafficSelector tcp80 = TrafficSelectors.of(IpPrefix.parse("198.18.1.0/24"), TrafficSelectors.TCP, 80);
        final TrafficSelector udp = TrafficSelectors.of(IpPrefix.parse("198.18.1.0/24"), TrafficSelectors.UDP, 0);

        assertEquals(Optional.of(tcp80), TrafficSelectors.intersect(any("198.18.0.0/16"), tcp80));
        assertEquals(Optional.empty(), TrafficSelectors.intersect(tcp80, udp));
        assertEquals(Optional.empty(), TrafficSelectors.intersect(any("198.18.1.0/24"), any("2001:db8::/32")));
    }

    @Test
    void rangesThatAreNotPrefixesPrintAsRanges() {
        final TrafficSelector range = new TrafficSelector(TrafficSelector.TS_IPV4_ADDR_RANGE, 17, 500, 500,
            Bytes.fromHex("c0000207"), Bytes.fromHex("c0000209"));

        assertEquals("192.0.2.7-192.0.2.9", TrafficSelectors.addresses(range));
        assertEquals("udp/500", TrafficSelectors.protocol(range));
        assertInstanceOf(Narrowing.Unacceptable.class, TsNarrowing.narrow(P1,
            new TsPayload(Role.INITIATOR, List.of(range)), new TsPayload(Role.RESPONDER, List.of(range))));
    }
}
