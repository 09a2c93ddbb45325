package io.xgate.controlplane.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.controlplane.config.ConfigLoader;
import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.LoadResult;
import io.xgate.controlplane.config.TunnelInterface;
import io.xgate.controlplane.monitor.MonitorTarget;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.linux.netlink.MacAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Tunnel interface addresses as the data plane gets them: IPv6 host portions from the interface ID (EUI-64 from
 * the MAC of the first port in the tunnel's virtual router, else of the first port; or as given), and anycast
 * addresses installed but never a probe source.
 */
class OwnAddressesTest {
    private static final String CONFIG = """
            interfaces:
              ethernet:
                - {name: ethernet1/1, device: wan0, zone: untrust, virtual-router: default, ip: [192.0.2.1/24]}
                - {name: ethernet1/2, device: lan1, zone: trust, virtual-router: corp, ip: [198.18.1.1/24]}
              tunnel:
                - name: tunnel.1
                  zone: vpn
                  virtual-router: corp
                  ip: [198.18.255.1/32]
                  ipv6:
                    enabled: true
                    address:
                      - {name: "2001:db8:ff:1::/64", prefix: true}
                      - {name: "2001:db8:ff:2::7/64"}
                      - {name: "2001:db8:ff:3::/64", prefix: true, anycast: true}
                      - {name: "2001:db8:ff:4::1/64", enable-on-interface: false}
                - name: tunnel.2
                  zone: vpn
                  ipv6:
                    enabled: true
                    interface-id: "00:26:08:FF:FE:DE:4E:29"
                    address:
                      - {name: "2001:db8:fe::/64", anycast: true}
                      - {name: "2001:db8:fe:1::/64", prefix: true}
                - name: tunnel.3
                  zone: vpn
                  ipv6:
                    enabled: true
                    address: [{name: "2001:db8:fd::/64", prefix: true}]
                - name: tunnel.4
                  zone: vpn
                  ipv6: {enabled: false, address: [{name: "2001:db8:fc::1/64"}]}
            zones: [{name: untrust}, {name: trust}, {name: vpn}]
            virtual-routers:
              - {name: default}
              - {name: corp}
            monitor-profiles:
              - {name: mp, action: wait-recover, interval: 3, threshold: 5}
            ipsec-tunnels:
              - name: watched
                tunnel-interface: tunnel.2
                auto-key: {ike-gateway: [gw]}
                tunnel-monitor: {enable: true, destination-ip: "2001:db8:fe::9", tunnel-monitor-profile: mp}
            ike-gateways:
              - name: gw
                local-address: {interface: ethernet1/1}
                peer-address: {ip: 192.0.2.2}
                authentication: {pre-shared-key: {key: "secret-secret"}}
            """;
    private static final Map<String, MacAddress> MACS = Map.of("wan0", MacAddress.parse("00:26:08:de:4e:29"),
            "lan1", MacAddress.parse("52:5b:d0:12:34:56"));

    private final DeviceConfig config = load(CONFIG);
    private final OwnAddresses own = new OwnAddresses(config, MACS::get);

    @Test
    void eui64ComesFromTheFirstPortOfTheTunnelsVirtualRouterAndOnlyWhereTheEntryAsksForIt() {
        assertEquals(List.of("198.18.255.1/32", "2001:db8:ff:1:505b:d0ff:fe12:3456/64", "2001:db8:ff:2::7/64",
                "2001:db8:ff:3:505b:d0ff:fe12:3456/64"), texts(tunnel("tunnel.1")),
                "lan1 is corp's first port; an entry without prefix: true keeps its address; disabled ones are left out");
    }

    @Test
    void aTunnelInNoVirtualRouterTakesTheFirstPortsMac() {
        assertEquals(List.of("2001:db8:fd:0:226:8ff:fede:4e29/64"), texts(tunnel("tunnel.3")));
    }

    @Test
    void anExplicitInterfaceIdIsUsedAsGiven() {
        assertEquals(List.of("2001:db8:fe::/64", "2001:db8:fe:1:26:8ff:fede:4e29/64"), texts(tunnel("tunnel.2")));
    }

    @Test
    void ipv6OffInstallsNoneOfItsAddresses() {
        assertEquals(List.of(), texts(tunnel("tunnel.4")));
    }

    @Test
    void anycastAddressesAreTheGatewaysButNeverASourceOfItsProbes() {
        final List<OwnAddresses.TunnelAddress> addresses = own.tunnel(tunnel("tunnel.1"));
        assertTrue(addresses.get(3).anycast());
        assertTrue(own.all().contains(addresses.get(3).prefix()), "the worker answers echo on it");
        assertEquals(Optional.of(IpAddress.parse("2001:db8:ff:1:505b:d0ff:fe12:3456")),
                own.source(tunnel("tunnel.1"), IpAddress.V6));
        assertEquals(Optional.of(IpAddress.parse("2001:db8:fe:1:26:8ff:fede:4e29")),
                own.source(tunnel("tunnel.2"), IpAddress.V6), "the anycast first entry is passed over");
        assertEquals(Optional.empty(), own.source(tunnel("tunnel.3"), IpAddress.V4));

        final List<MonitorTarget> targets = MonitorPlan.targets(config, MACS::get);
        assertEquals(IpAddress.parse("2001:db8:fe:1:26:8ff:fede:4e29"), targets.getFirst().source());
    }

    @Test
    void aMonitorWhoseTunnelHasOnlyAnycastAddressesOfItsFamilyIsRefused() {
        final LoadResult onlyAnycast = ConfigLoader.load(CONFIG.replace(
                "{name: \"2001:db8:fe:1::/64\", prefix: true}", "{name: \"2001:db8:fe:1::/64\", prefix: true, anycast: true}"),
                "test");
        assertEquals("[ipsec-tunnels[watched].tunnel-monitor.destination-ip: probes need an IPv6 address on tunnel.2 to "
                + "come from, it has none (anycast addresses are never a source)]", onlyAnycast.errors().toString());
    }

    @Test
    void theGatewaysAddressesArePortsThenTunnelsWithTheirIdsFilledIn() {
        assertEquals(List.of(IpPrefix.parse("192.0.2.1/24"), IpPrefix.parse("198.18.1.1/24")),
                own.all().subList(0, 2));
        assertTrue(own.all().contains(IpPrefix.parse("2001:db8:fd:0:226:8ff:fede:4e29/64")));
        assertEquals(9, own.all().size());
    }

    private TunnelInterface tunnel(final String name) {
        return config.interfaces().tunnel().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private List<String> texts(final TunnelInterface tunnel) {
        return own.tunnel(tunnel).stream().map(a -> a.prefix().toString()).toList();
    }

    private static DeviceConfig load(final String yaml) {
        final LoadResult result = ConfigLoader.load(yaml, "test");
        if (!(result instanceof LoadResult.Valid(final DeviceConfig config))) {
            throw new AssertionError(result.errors());
        }
        return config;
    }
}
