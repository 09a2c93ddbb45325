package io.xgate.controlplane.daemon;

import io.xgate.controlplane.daemon.TwoGatewayLab.Side;
import io.xgate.dataplane.capture.EspSaKeys;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;

/**
 * One manual-key tunnel setup for the two-gateway lab — protocol, algorithms, keys, GRE — and the two configs
 * it gives (the shape of {@code examples/gw-a-manual-key.yaml}, with the lab's device names). As on PAN-OS, one
 * manual key serves both SAs of the tunnel; the SPIs tell the directions apart.
 */
record LabSuite(String name, boolean ah, EncryptionAlgorithm encryption, IntegrityAlgorithm integrity, boolean gre) {
    static final int SPI_A_TO_B = 0x1001;
    static final int SPI_B_TO_A = 0x2001;

    static LabSuite esp(final String name, final EncryptionAlgorithm e, final IntegrityAlgorithm i, final boolean gre) {
        return new LabSuite(name, false, e, i, gre);
    }

    static LabSuite ah(final String name, final IntegrityAlgorithm i) {
        return new LabSuite(name, true, EncryptionAlgorithm.NULL, i, false);
    }

    /** Deterministic test keys: byte j is {@code first + j}. */
    private static byte[] key(final int length, final int first) {
        final byte[] key = new byte[length];
        for (int j = 0; j < length; j++) {
            key[j] = (byte) (first + j);
        }
        return key;
    }

    byte[] encryptionKey() {
        return key(encryption.keyLength(), 0x40);
    }

    byte[] integrityKey() {
        return key(integrity.keyLength(), 0x80);
    }

    String config(final TwoGatewayLab lab, final Side side) {
        final boolean a = side == Side.A;
                final String protection = ah
                ? "      ah: %s%n".formatted(algorithm(integrity.configName(), integrityKey()))
                : "      esp:%n        encryption: %s%n        authentication: %s%n".formatted(
                        algorithm(encryption.configName(), encryptionKey()),
                        algorithm(integrity.configName(), integrityKey()));
        final String local = a ? "1" : "2";
        final String remote = a ? "2" : "1";
        return """
                device:
                  workers: 1
                  counters-file: %s
                  management-socket: %s
                interfaces:
                  ethernet:
                    - {name: ethernet1/1, device: %s, zone: untrust, virtual-router: default, ip: [192.0.2.%s/24]}
                    - {name: ethernet1/2, device: %s, zone: trust, virtual-router: default, ip: [198.18.%s.1/24, 2001:db8:%s::1/64]}
                  tunnel:
                    - {name: tunnel.1, zone: vpn, virtual-router: default, ip: [198.18.255.%s/32], mtu: 1400}
                virtual-routers:
                  - name: default
                    static-routes:
                      - {name: remote, destination: 198.18.%s.0/24, interface: tunnel.1}
                      - {name: remote-v6, destination: 2001:db8:%s::/64, interface: tunnel.1}
                ipsec-tunnels:
                  - name: to-peer
                    tunnel-interface: tunnel.1
                    manual-key:
                      local-address: {interface: ethernet1/1, ip: 192.0.2.%s}
                      peer-address: {ip: 192.0.2.%s}
                      local-spi: "%08x"
                      remote-spi: "%08x"
                %s    anti-replay: true
                    anti-replay-window: 1024
                    copy-tos: true
                    enable-gre-encapsulation: %s
                """.formatted(lab.countersFile(side), lab.socket(side), lab.device(side, false), local, lab.device(side, true), local,
                local, local, remote, remote, local, remote, a ? SPI_A_TO_B : SPI_B_TO_A, a ? SPI_B_TO_A : SPI_A_TO_B,
                protection, gre);
    }

    /** An algorithm with its key, or alone when it takes none ({@code none}, {@code null}). */
    private static String algorithm(final String name, final byte[] key) {
        return key.length == 0 ? "{algorithm: %s}".formatted(name)
                : "{algorithm: %s, key: \"%s\"}".formatted(name, HexFormat.of().formatHex(key));
    }

    /** The key table tshark needs for both directions (ESP only). */
    List<EspSaKeys> wiresharkKeys() {
        final InetAddress a = InetAddress.ofLiteral(TwoGatewayLab.WAN_A);
        final InetAddress b = InetAddress.ofLiteral(TwoGatewayLab.WAN_B);
        return List.of(
                new EspSaKeys(a, b, SPI_A_TO_B, encryption, encryptionKey(), integrity, integrityKey()),
                new EspSaKeys(b, a, SPI_B_TO_A, encryption, encryptionKey(), integrity, integrityKey()));
    }

    @Override
    public String toString() {
        return name;
    }
}
