package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.IpsecTunnel;
import io.xgate.controlplane.ike.crypto.EsnTransform;
import io.xgate.controlplane.ike.payload.TrafficSelector;
import io.xgate.controlplane.ike.sa.ChildSaRecord;
import io.xgate.controlplane.ike.session.EstablishedChild;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.sa.IpsecMode;
import io.xgate.dataplane.sa.IpsecProtocol;
import io.xgate.dataplane.sa.SaSpec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two data-plane SAs of a negotiated child SA: outbound with the peer's SPI, inbound with ours, selectors =
 * the narrowed traffic selectors, ESP in UDP with the ports NAT-T chose. Tunnel settings (anti-replay, copy-tos,
 * GRE, mode) come from the {@code ipsec-tunnel}, as for manual keys.
 */
record AutoKeySas(SaSpec outbound, SaSpec inbound) implements AutoCloseable {

    static AutoKeySas of(final EstablishedChild child) {
        final IpsecTunnel tunnel = child.policy().tunnel();
        final ChildSaRecord sa = child.sa();
        final int tunnelId = DeviceLayout.tunnelId(tunnel.tunnelInterface());
        final List<io.xgate.dataplane.sa.TrafficSelector> selectors = selectors(sa.localTs(), sa.remoteTs());
        final IpAddress local = IpAddress.of(child.local());
        final IpAddress peer = IpAddress.of(child.peer());
        return new AutoKeySas(
            spec(child, tunnelId, sa.outboundSpi(), sa.outboundEncryptionKey().bytes(), sa.outboundIntegrityKey().bytes(),
                local, peer, selectors),
            spec(child, tunnelId, sa.inboundSpi(), sa.inboundEncryptionKey().bytes(), sa.inboundIntegrityKey().bytes(),
                local, peer, selectors));
    }

    private static SaSpec spec(final EstablishedChild child, final int tunnelId, final int spi, final byte[] encryptionKey,
                               final byte[] integrityKey, final IpAddress local, final IpAddress peer,
                               final List<io.xgate.dataplane.sa.TrafficSelector> selectors) {
        final IpsecTunnel tunnel = child.policy().tunnel();
        final ChildSaRecord sa = child.sa();
        return new SaSpec(spi, tunnelId, IpsecProtocol.ESP,
            tunnel.ipsecMode() == IpsecTunnel.Mode.TRANSPORT ? IpsecMode.TRANSPORT : IpsecMode.TUNNEL,
            sa.suite().encryption().dataplane().orElseThrow(), encryptionKey, sa.suite().integrity().dataplane(),
            integrityKey, sa.suite().esn() == EsnTransform.ESN, tunnel.antiReplay(), tunnel.antiReplayWindow(), local,
            peer, child.udpSourcePort(), child.udpDestinationPort(), tunnel.copyTos(), tunnel.copyFlowLabel(),
            tunnel.enableGreEncapsulation(), selectors);
    }

    /** Every pair of our and the peer's selectors of one family, as the data plane matches them. */
    static List<io.xgate.dataplane.sa.TrafficSelector> selectors(final List<TrafficSelector> local,
                                                                 final List<TrafficSelector> remote) {
        final List<io.xgate.dataplane.sa.TrafficSelector> out = new ArrayList<>();
        for (final TrafficSelector l : local) {
            for (final TrafficSelector r : remote) {
                if (l.tsType() != r.tsType()) {
                    continue;
                }
                final IpAddress ls = address(l.startAddress().toArray());
                final IpAddress le = address(l.endAddress().toArray());
                final IpAddress rs = address(r.startAddress().toArray());
                final IpAddress re = address(r.endAddress().toArray());
                final int protocol = l.ipProtocol() != TrafficSelector.ANY_PROTOCOL ? l.ipProtocol() : r.ipProtocol();
                out.add(new io.xgate.dataplane.sa.TrafficSelector(ls.family(), ls.high(), ls.low(), le.high(), le.low(),
                    rs.high(), rs.low(), re.high(), re.low(), protocol, l.startPort(), l.endPort(), r.startPort(),
                    r.endPort()));
            }
        }
        return out;
    }

    private static IpAddress address(final byte[] bytes) {
        final ByteBuffer b = ByteBuffer.wrap(bytes);
        return bytes.length == 4 ? IpAddress.v4(b.getInt()) : IpAddress.v6(b.getLong(), b.getLong());
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
