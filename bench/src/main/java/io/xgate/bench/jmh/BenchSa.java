package io.xgate.bench.jmh;

import io.xgate.dataplane.counters.CounterTypes;
import io.xgate.dataplane.counters.TrafficCounters;
import io.xgate.dataplane.crypto.CryptoProvider;
import io.xgate.dataplane.crypto.EspCipher;
import io.xgate.dataplane.lab.TestCounters;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.sa.InboundSa;
import io.xgate.dataplane.sa.IpsecMode;
import io.xgate.dataplane.sa.IpsecProtocol;
import io.xgate.dataplane.sa.OutboundSa;
import io.xgate.dataplane.sa.SaSpec;
import io.xgate.dataplane.sa.TrafficSelector;
import io.xgate.dataplane.sa.Tunnel;
import io.xgate.dataplane.testkit.Suites;
import java.util.List;
import org.agrona.concurrent.status.CountersManager;

/**
 * One tunnel-mode ESP SA of a suite (fixed keys, IPv4 outer header, anti-replay window 1024, 0/0 selectors) and
 * the tunnel it belongs to. Every SA and cipher made here shares the spec's keys, so what one seals the
 * other opens, whichever library each uses.
 */
final class BenchSa {
    static final int SPI = 0x00001001;
    static final int TUNNEL_ID = 1;
    /** Large enough for the 8192-byte packets. */
    static final int TUNNEL_MTU = 9000;
    private static final int REPLAY_WINDOW = 1024;

    private final BenchSuite suite;
    private final SaSpec spec;
    private final CountersManager counters = TestCounters.manager();
    private final Tunnel tunnel;

    BenchSa(final BenchSuite suite) {
        this.suite = suite;
        this.spec = new SaSpec(SPI, TUNNEL_ID, IpsecProtocol.ESP, IpsecMode.TUNNEL,
                suite.encryption(), Suites.key(suite.encryption().keyLength(), SPI),
                suite.integrity(), Suites.key(suite.integrity().keyLength(), ~SPI),
                false, true, REPLAY_WINDOW, IpAddress.parse("192.0.2.1"), IpAddress.parse("192.0.2.2"), 0, 0,
                false, false, false, List.of(TrafficSelector.any(IpAddress.V4)));
        this.tunnel = new Tunnel(TUNNEL_ID, "tunnel.1", TUNNEL_MTU, 0,
                counters(CounterTypes.TUNNEL_TRAFFIC, CounterTypes.TUNNEL_DROP, "tunnel.1", TUNNEL_ID));
    }

    Tunnel tunnel() {
        return tunnel;
    }

    OutboundSa outbound(final CryptoProvider crypto) {
        return new OutboundSa(spec, crypto, saCounters("sa out"), tunnel);
    }

    InboundSa inbound(final CryptoProvider crypto) {
        return new InboundSa(spec, crypto, saCounters("sa in"), tunnel);
    }

    /** The bare transform with the SA's keys, for the baseline. */
    EspCipher cipher(final CryptoProvider crypto) {
        return crypto.newEspCipher(suite.encryption(), spec.encryptionKey(), suite.integrity(),
                spec.integrityKey(), spec.esn());
    }

    private TrafficCounters saCounters(final String owner) {
        return counters(CounterTypes.SA_TRAFFIC, CounterTypes.SA_DROP, owner, SPI);
    }

    /** The in-memory counters manager everything of this bench counts in. */
    CountersManager countersManager() {
        return counters;
    }

    /** Counters of this bench's SAs, tunnel and ports, all in one in-memory counters manager. */
    TrafficCounters counters(final int trafficType, final int dropType, final String owner, final long key) {
        return new TrafficCounters(counters, trafficType, dropType, owner, key);
    }
}
