package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.controlplane.config.IpsecTunnel;
import io.xgate.controlplane.config.ManualKey;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.sa.IpsecMode;
import io.xgate.dataplane.sa.IpsecProtocol;
import io.xgate.dataplane.sa.SaSpec;
import io.xgate.dataplane.sa.TrafficSelector;
import java.util.Arrays;
import java.util.List;

/**
 * The two SAs of a manual-key tunnel: outbound with {@code local-spi} (PAN-OS: the SPI of the packets we send),
 * inbound with {@code remote-spi}. Manual keys carry no proxy IDs, so both are route-based (any ↔ any, IPv4 and
 * IPv6 inside). {@code esp-in-udp: always} puts ESP in UDP 4500 both ways (no NAT detection without IKE).
 */
record ManualKeySas(SaSpec outbound, SaSpec inbound) implements AutoCloseable {
    static final int NAT_T_PORT = 4500;
    private static final List<TrafficSelector> ROUTE_BASED =
            List.of(TrafficSelector.any(io.xgate.dataplane.packet.IpAddress.V4),
                    TrafficSelector.any(io.xgate.dataplane.packet.IpAddress.V6));

    static ManualKeySas of(final DeviceConfig config, final IpsecTunnel tunnel, final ManualKey key) {
        final IpAddress local = config.sourceAddress(key.localAddress(), key.peerAddress().family());
        final int tunnelId = DeviceLayout.tunnelId(tunnel.tunnelInterface());
        return new ManualKeySas(spec(tunnel, key, tunnelId, (int) key.localSpi().value(), local),
                spec(tunnel, key, tunnelId, (int) key.remoteSpi().value(), local));
    }

    private static SaSpec spec(final IpsecTunnel tunnel, final ManualKey key, final int tunnelId, final int spi,
                               final IpAddress local) {
        final boolean udp = tunnel.espInUdp() == IpsecTunnel.EspInUdp.ALWAYS;
        final IpsecProtocol protocol;
        final EncryptionAlgorithm encryption;
        final byte[] encryptionKey;
        final IntegrityAlgorithm integrity;
        final byte[] integrityKey;
        switch (key.protection()) {
            case ManualKey.Esp esp -> {
                protocol = IpsecProtocol.ESP;
                encryption = esp.encryption();
                encryptionKey = esp.encryptionKey().bytes();
                integrity = esp.authentication();
                integrityKey = esp.authenticationKey().bytes();
            }
            case ManualKey.Ah ah -> {
                protocol = IpsecProtocol.AH;
                encryption = EncryptionAlgorithm.NULL;
                encryptionKey = new byte[0];
                integrity = ah.authentication();
                integrityKey = ah.key().bytes();
            }
        }
        return new SaSpec(spi, tunnelId, protocol,
                tunnel.ipsecMode() == IpsecTunnel.Mode.TRANSPORT ? IpsecMode.TRANSPORT : IpsecMode.TUNNEL,
                encryption, encryptionKey, integrity, integrityKey, false, tunnel.antiReplay(),
                tunnel.antiReplayWindow(), local,
                key.peerAddress(), udp ? NAT_T_PORT : 0, udp ? NAT_T_PORT : 0,
                tunnel.copyTos(), tunnel.copyFlowLabel(), tunnel.enableGreEncapsulation(), ROUTE_BASED);
    }

    /** Wipes the key copies; the worker's SAs hold their own. */
    @Override
    public void close() {
        for (final SaSpec spec : List.of(outbound, inbound)) {
            Arrays.fill(spec.encryptionKey(), (byte) 0);
            Arrays.fill(spec.integrityKey(), (byte) 0);
        }
    }
}
