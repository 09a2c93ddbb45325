package io.xgate.controlplane.daemon;

import io.xgate.controlplane.daemon.TwoGatewayLab.Side;

/**
 * The two-path failover lab's configs: tunnel "primary" (tunnel.1, WAN path 0, SPIs 0x1001/0x2001) and tunnel
 * "secondary" (tunnel.2, WAN path 1, SPIs 0x1002/0x2002), both Manual Key AES-128-GCM, both monitored with one
 * profile, routes to the far host network through tunnel.1 (metric 10) and tunnel.2 (metric 20), and optionally a
 * tunnel group of the two. Each side probes the peer's tunnel addresses unless a destination is overridden.
 *
 * @param action           monitor profile action, {@code fail-over} or {@code wait-recover}
 * @param interval         e.g. {@code "0.2s"} or {@code "3"}
 * @param holdDown         the group's hold-down (e.g. {@code "1s"}), or null for no tunnel group
 * @param secondaryProbeA  what gw-a probes through the secondary, or null for gw-b's tunnel.2 address
 */
public record FailoverSetup(String action, String interval, int threshold, String holdDown, String secondaryProbeA) {
    private static final String KEY = "404142434445464748494a4b4c4d4e4f50515253";

    /** Both tunnels in a group, fail-over, probing the peer. */
    public static FailoverSetup group(final String interval, final int threshold, final String holdDown) {
        return new FailoverSetup("fail-over", interval, threshold, holdDown, null);
    }

    public String config(final TwoGatewayLab lab, final Side side) {
        final boolean a = side == Side.A;
        final String local = a ? "1" : "2";
        final String remote = a ? "2" : "1";
        final String secondaryProbe = a && secondaryProbeA != null ? secondaryProbeA : "198.18.254." + remote;
        final String group = holdDown == null ? "" : """
                tunnel-groups:
                  - {name: branch, primary: primary, secondary: secondary, hold-down: "%s"}
                """.formatted(holdDown);
        return """
                device:
                  workers: 1
                  counters-file: %s
                  management-socket: %s
                interfaces:
                  ethernet:
                    - {name: ethernet1/1, device: %s, zone: untrust, virtual-router: default, ip: [%s/24]}
                    - {name: ethernet1/3, device: %s, zone: untrust, virtual-router: default, ip: [%s/24]}
                    - {name: ethernet1/2, device: %s, zone: trust, virtual-router: default, ip: [198.18.%s.1/24, 2001:db8:%s::1/64]}
                  tunnel:
                    - {name: tunnel.1, zone: vpn, virtual-router: default, ip: [198.18.255.%s/32], mtu: 1400}
                    - {name: tunnel.2, zone: vpn, virtual-router: default, ip: [198.18.254.%s/32], mtu: 1400}
                virtual-routers:
                  - name: default
                    static-routes:
                      - {name: via-primary, destination: 198.18.%s.0/24, interface: tunnel.1, metric: 10}
                      - {name: via-secondary, destination: 198.18.%s.0/24, interface: tunnel.2, metric: 20}
                      - {name: via-primary-v6, destination: 2001:db8:%s::/64, interface: tunnel.1, metric: 10}
                      - {name: via-secondary-v6, destination: 2001:db8:%s::/64, interface: tunnel.2, metric: 20}
                ipsec-tunnels:
                %s%smonitor-profiles:
                  - {name: mp, action: %s, interval: %s, threshold: %d}
                %s""".formatted(lab.countersFile(side), lab.socket(side), lab.wanDevice(side, 0),
                TwoGatewayLab.wanAddress(side, 0), lab.wanDevice(side, 1), TwoGatewayLab.wanAddress(side, 1),
                lab.device(side, true), local, local, local, local, remote, remote, remote, remote,
                tunnel("primary", 1, side, 0, a ? 0x1001 : 0x2001, a ? 0x2001 : 0x1001, "198.18.255." + remote),
                tunnel("secondary", 2, side, 1, a ? 0x1002 : 0x2002, a ? 0x2002 : 0x1002, secondaryProbe),
                action, interval.contains("s") ? "\"" + interval + "\"" : interval, threshold, group);
    }

    private static String tunnel(final String name, final int id, final Side side, final int path, final int localSpi,
                                 final int remoteSpi, final String probe) {
        final Side peer = side == Side.A ? Side.B : Side.A;
        return """
                  - name: %s
                    tunnel-interface: tunnel.%d
                    manual-key:
                      local-address: {interface: %s, ip: %s}
                      peer-address: {ip: %s}
                      local-spi: "%08x"
                      remote-spi: "%08x"
                      esp:
                        encryption: {algorithm: aes-128-gcm, key: "%s"}
                        authentication: {algorithm: none}
                    tunnel-monitor: {enable: true, destination-ip: %s, tunnel-monitor-profile: mp}
                """.formatted(name, id, path == 0 ? "ethernet1/1" : "ethernet1/3",
                TwoGatewayLab.wanAddress(side, path), TwoGatewayLab.wanAddress(peer, path), localSpi, remoteSpi, KEY,
                probe);
    }
}
