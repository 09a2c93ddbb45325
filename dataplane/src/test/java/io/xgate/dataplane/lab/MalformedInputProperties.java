package io.xgate.dataplane.lab;

import static io.xgate.dataplane.lab.TunnelLab.HOST_A;
import static io.xgate.dataplane.lab.TunnelLab.HOST_A6;
import static io.xgate.dataplane.lab.TunnelLab.HOST_B;
import static io.xgate.dataplane.lab.TunnelLab.HOST_B6;
import static io.xgate.dataplane.lab.TunnelLab.MAC_GW_A_LAN;
import static io.xgate.dataplane.lab.TunnelLab.MAC_HOST_A;

import io.xgate.dataplane.counters.TrafficCounters;
import io.xgate.dataplane.crypto.CryptoProviders;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.lab.TunnelLab.Suite;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random, truncated and bit-flipped frames through both directions of a gateway: nothing throws, and every
 * frame that went in is accounted for — transmitted or dropped with a reason.
 */
class MalformedInputProperties {
    private static final Suite[] SUITES = {
        Suite.esp("gcm128", EncryptionAlgorithm.AES_128_GCM, IntegrityAlgorithm.NONE).withUdp(),
        Suite.esp("cbc-sha256", EncryptionAlgorithm.AES_128_CBC, IntegrityAlgorithm.SHA256_128).withGre(),
        Suite.ah("ah-sha1", IntegrityAlgorithm.SHA1_96).overIpv6(),
    };

    /** A mutation: what to start from, where to cut, which byte to flip to what. */
    record Mutation(int template, int cut, int flipAt, byte value, byte[] noise) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 1600),
                Arbitraries.integers().between(-1, 1600), Arbitraries.bytes(),
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(200)).as(Mutation::new)
                .list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 300)
    void everyFrameIsForwardedOrCountedAsDropped(@ForAll("mutations") final List<Mutation> mutations,
                                                 @ForAll final int suiteIndex) {
        final Suite suite = SUITES[Math.floorMod(suiteIndex, SUITES.length)];
        try (TunnelLab lab = new TunnelLab(suite, CryptoProviders.select(CryptoProviders.AUTO).provider(),
                TestCounters.manager())) {
            final List<byte[]> templates = List.of(
                    FrameBuilder.echo(MAC_HOST_A, MAC_GW_A_LAN, HOST_A, HOST_B, 0, 64, 1, 100),
                    FrameBuilder.udp(MAC_HOST_A, MAC_GW_A_LAN, HOST_A6, HOST_B6, 1, 2, 30));
            final List<byte[]> wire = lab.fromHostA(templates.get(0));
            wire.addAll(lab.fromHostA(templates.get(1)));
            final List<byte[]> all = List.of(templates.get(0), templates.get(1), wire.get(0), wire.get(1),
                    templates.get(0), wire.get(0));
            int toLan = 0;
            int toWan = 0;
            for (final Mutation m : mutations) {
                final byte[] frame = mutate(all.get(m.template()), m);
                if (m.template() < 2 || m.template() == 4) {
                    toLan += lab.gwB().lan().inject(frame) ? 1 : 0;
                } else {
                    toWan += lab.gwB().wan().inject(frame) ? 1 : 0;
                }
            }
            lab.gwB().poll();
            lab.gwB().lan().drainTransmitted();
            lab.gwB().wan().drainTransmitted();
            final TrafficCounters lan = lab.gwB().lanContext().counters();
            final TrafficCounters wan = lab.gwB().wanContext().counters();
            if (lan.packetsIn() != toLan || wan.packetsIn() != toWan) {
                throw new AssertionError("received " + lan.packetsIn() + "/" + wan.packetsIn() + " of " + toLan
                        + "/" + toWan);
            }
            final long accounted = lan.packetsOut() + wan.packetsOut() + lan.totalDrops() + wan.totalDrops();
            if (accounted != toLan + toWan) {
                throw new AssertionError("in " + (toLan + toWan) + " but out+dropped " + accounted);
            }
        }
    }

    private static byte[] mutate(final byte[] template, final Mutation m) {
        if (m.template() == 5 || m.template() == 4 && m.noise().length > 100) {
            return m.noise(); // pure noise, sometimes shorter than an Ethernet header
        }
        final byte[] f = Arrays.copyOf(template, Math.min(template.length, m.cut() == 0 ? template.length : m.cut()));
        if (m.flipAt() >= 0 && m.flipAt() < f.length) {
            f[m.flipAt()] = m.value();
        }
        return f;
    }
}
