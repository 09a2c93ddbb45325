package io.xgate.dataplane.lab;

import io.xgate.dataplane.crypto.CryptoProvider;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.dataplane.sa.IpsecMode;
import io.xgate.dataplane.sa.IpsecProtocol;
import io.xgate.dataplane.sa.SaSpec;
import io.xgate.dataplane.sa.TrafficSelector;
import io.xgate.dataplane.sa.Tunnel;
import io.xgate.dataplane.worker.PuntHandler;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.status.CountersManager;

/**
 * Two in-memory gateways joined by a Manual Key tunnel: host-a (198.18.1.10, 2001:db8:1::10) — gw-a — WAN —
 * gw-b — host-b (198.18.2.10, 2001:db8:2::10); tunnel.1 has 198.18.255.1 / 2001:db8:ff00::1 on gw-a and .2 / ::2
 * on gw-b. The caller carries frames between the WAN ports, so it sees
 * (and can capture, replay or corrupt) every ESP/AH packet. Keys are random per lab.
 */
public final class TunnelLab implements AutoCloseable {
    public static final int SPI_A_TO_B = 0x00001001;
    public static final int SPI_B_TO_A = 0x00002001;
    public static final long MAC_HOST_A = 0x02_00_00_00_01_0AL;
    public static final long MAC_GW_A_LAN = 0x02_00_00_00_01_01L;
    public static final long MAC_GW_A_WAN = 0x02_00_00_00_FF_01L;
    public static final long MAC_GW_B_WAN = 0x02_00_00_00_FF_02L;
    public static final long MAC_GW_B_LAN = 0x02_00_00_00_02_01L;
    public static final long MAC_HOST_B = 0x02_00_00_00_02_0AL;
    public static final String HOST_A = "198.18.1.10";
    public static final String HOST_B = "198.18.2.10";
    public static final String HOST_A6 = "2001:db8:1::10";
    public static final String HOST_B6 = "2001:db8:2::10";
    /** The tunnel interfaces' addresses, where the monitor's probes come from and go to. */
    public static final String TUNNEL_A = "198.18.255.1";
    public static final String TUNNEL_B = "198.18.255.2";
    public static final String TUNNEL_A6 = "2001:db8:ff00::1";
    public static final String TUNNEL_B6 = "2001:db8:ff00::2";
    public static final int TUNNEL_ID = 1;

    /** What the tunnel between the gateways uses. */
    public record Suite(String name, IpsecProtocol protocol, EncryptionAlgorithm encryption,
                        IntegrityAlgorithm integrity, boolean esn, boolean udpEncapsulation, boolean gre,
                        boolean copyTos, int outerFamily, IpsecMode mode) {
        public static Suite esp(final String name, final EncryptionAlgorithm e, final IntegrityAlgorithm i) {
            return new Suite(name, IpsecProtocol.ESP, e, i, false, false, false, false, IpAddress.V4, IpsecMode.TUNNEL);
        }

        public static Suite ah(final String name, final IntegrityAlgorithm i) {
            return new Suite(name, IpsecProtocol.AH, EncryptionAlgorithm.NULL, i, false, false, false, false,
                    IpAddress.V4, IpsecMode.TUNNEL);
        }

        public Suite withEsn() {
            return new Suite(name + "-esn", protocol, encryption, integrity, true, udpEncapsulation, gre, copyTos,
                    outerFamily, mode);
        }

        public Suite withUdp() {
            return new Suite(name + "-udp", protocol, encryption, integrity, esn, true, gre, copyTos, outerFamily,
                    mode);
        }

        public Suite withGre() {
            return new Suite(name + "-gre", protocol, encryption, integrity, esn, udpEncapsulation, true, copyTos,
                    outerFamily, mode);
        }

        public Suite withCopyTos() {
            return new Suite(name + "-copytos", protocol, encryption, integrity, esn, udpEncapsulation, gre, true,
                    outerFamily, mode);
        }

        public Suite overIpv6() {
            return new Suite(name + "-v6outer", protocol, encryption, integrity, esn, udpEncapsulation, gre, copyTos,
                    IpAddress.V6, mode);
        }
    }

    private final Suite suite;
    private final InMemoryGateway gwA;
    private final InMemoryGateway gwB;
    private final SaSpec aToB;
    private final SaSpec bToA;

    public TunnelLab(final Suite suite, final CryptoProvider crypto, final CountersManager counters,
                     final List<TrafficSelector> selectors, final int tunnelMtu, final PuntHandler punt) {
        this.suite = suite;
        final SecureRandom random = new SecureRandom();
        final boolean v6 = suite.outerFamily() == IpAddress.V6;
        final IpAddress wanA = IpAddress.parse(v6 ? "2001:db8:ff::1" : "192.0.2.1");
        final IpAddress wanB = IpAddress.parse(v6 ? "2001:db8:ff::2" : "192.0.2.2");
        aToB = spec(SPI_A_TO_B, wanA, wanB, random, selectors);
        bToA = spec(SPI_B_TO_A, wanB, wanA, random, mirror(selectors));
        final SaSpec aToBAtB = aToB.withSelectors(mirror(selectors));
        final SaSpec bToAAtA = bToA.withSelectors(selectors);
        gwA = gateway("gw-a", MAC_GW_A_LAN, MAC_GW_A_WAN, crypto, counters, "198.18.1", "2001:db8:1::", wanA,
                MAC_HOST_A, tunnelMtu, punt);
        gwB = gateway("gw-b", MAC_GW_B_LAN, MAC_GW_B_WAN, crypto, counters, "198.18.2", "2001:db8:2::", wanB,
                MAC_HOST_B, tunnelMtu, punt);
        gwA.localAddress(TUNNEL_A);
        gwA.localAddress(TUNNEL_A6);
        gwB.localAddress(TUNNEL_B);
        gwB.localAddress(TUNNEL_B6);
        final Tunnel ta = gwA.tables().tunnel(TUNNEL_ID);
        final Tunnel tb = gwB.tables().tunnel(TUNNEL_ID);
        gwA.routeToTunnel("198.18.2.0/24", ta);
        gwA.routeToTunnel("2001:db8:2::/64", ta);
        gwB.routeToTunnel("198.18.1.0/24", tb);
        gwB.routeToTunnel("2001:db8:1::/64", tb);
        gwA.addOutbound(aToB, MAC_GW_B_WAN);
        gwA.addInbound(bToAAtA);
        gwB.addOutbound(bToA, MAC_GW_A_WAN);
        gwB.addInbound(aToBAtB);
    }

    /** Route-based (0/0 ↔ 0/0 any for both families), MTU 1500. */
    public TunnelLab(final Suite suite, final CryptoProvider crypto, final CountersManager counters) {
        this(suite, crypto, counters, List.of(TrafficSelector.any(IpAddress.V4), TrafficSelector.any(IpAddress.V6)),
                1500, PuntHandler.NONE);
    }

    private static InMemoryGateway gateway(final String name, final long lanMac, final long wanMac,
                                           final CryptoProvider crypto, final CountersManager counters,
                                           final String lan4, final String lan6, final IpAddress wan,
                                           final long hostMac, final int mtu, final PuntHandler punt) {
        final InMemoryGateway gw = new InMemoryGateway(name, lanMac, wanMac, crypto, counters, punt);
        gw.localAddress(lan4 + ".1");
        gw.localAddress(lan6 + "1");
        gw.localAddress(wan.toString());
        gw.routeToPort(lan4 + ".0/24", InMemoryGateway.LAN, null);
        gw.routeToPort(lan6 + "/64", InMemoryGateway.LAN, null);
        gw.neighbour(lan4 + ".10", hostMac);
        gw.neighbour(lan6 + "10", hostMac);
        gw.addTunnel(TUNNEL_ID, "tunnel.1", mtu);
        return gw;
    }

    private SaSpec spec(final int spi, final IpAddress local, final IpAddress peer, final SecureRandom random,
                        final List<TrafficSelector> selectors) {
        final byte[] encKey = new byte[suite.encryption().keyLength()];
        final byte[] intKey = new byte[suite.integrity().keyLength()];
        random.nextBytes(encKey);
        random.nextBytes(intKey);
        final boolean udp = suite.udpEncapsulation();
        return new SaSpec(spi, TUNNEL_ID, suite.protocol(), suite.mode(), suite.encryption(), encKey,
                suite.integrity(), intKey, suite.esn(), true, 1024, local, peer, udp ? 4500 : 0, udp ? 4500 : 0,
                suite.copyTos(), false, suite.gre(), selectors);
    }

    /** The peer's view of selectors: local and remote swapped. */
    private static List<TrafficSelector> mirror(final List<TrafficSelector> selectors) {
        final List<TrafficSelector> out = new ArrayList<>();
        for (final TrafficSelector s : selectors) {
            out.add(new TrafficSelector(s.family(), s.remoteStartHi(), s.remoteStartLo(), s.remoteEndHi(),
                    s.remoteEndLo(), s.localStartHi(), s.localStartLo(), s.localEndHi(), s.localEndLo(),
                    s.protocol(), s.remotePortStart(), s.remotePortEnd(), s.localPortStart(), s.localPortEnd()));
        }
        return out;
    }

    /** Selectors for one proxy ID pair as gw-a sees it (gw-b gets the mirror). */
    public static TrafficSelector proxyId(final String local, final String remote) {
        return TrafficSelector.of(IpPrefix.parse(local), IpPrefix.parse(remote), TrafficSelector.ANY_PROTOCOL, 0, 0);
    }

    public Suite suite() {
        return suite;
    }

    public InMemoryGateway gwA() {
        return gwA;
    }

    public InMemoryGateway gwB() {
        return gwB;
    }

    /** The SA from gw-a to gw-b as gw-a holds it, keys included (for key tables of captures). */
    public SaSpec saAtoB() {
        return aToB;
    }

    public SaSpec saBtoA() {
        return bToA;
    }

    /** Sends a frame from host-a; returns what crossed the WAN (one frame, or none if dropped). */
    public List<byte[]> fromHostA(final byte[] frame) {
        gwA.lan().inject(frame);
        gwA.poll();
        return gwA.wan().drainTransmitted();
    }

    public List<byte[]> fromHostB(final byte[] frame) {
        gwB.lan().inject(frame);
        gwB.poll();
        return gwB.wan().drainTransmitted();
    }

    /** Delivers WAN frames to gw-b; returns what gw-b sent to host-b. */
    public List<byte[]> toGwB(final List<byte[]> wire) {
        wire.forEach(gwB.wan()::inject);
        gwB.poll();
        return gwB.lan().drainTransmitted();
    }

    public List<byte[]> toGwA(final List<byte[]> wire) {
        wire.forEach(gwA.wan()::inject);
        gwA.poll();
        return gwA.lan().drainTransmitted();
    }

    @Override
    public void close() {
        gwA.close();
        gwB.close();
    }
}
