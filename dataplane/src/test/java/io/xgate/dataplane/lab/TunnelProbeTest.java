package io.xgate.dataplane.lab;

import static io.xgate.dataplane.lab.TunnelLab.HOST_B;
import static io.xgate.dataplane.lab.TunnelLab.HOST_B6;
import static io.xgate.dataplane.lab.TunnelLab.MAC_GW_B_LAN;
import static io.xgate.dataplane.lab.TunnelLab.MAC_HOST_B;
import static io.xgate.dataplane.lab.TunnelLab.TUNNEL_A;
import static io.xgate.dataplane.lab.TunnelLab.TUNNEL_A6;
import static io.xgate.dataplane.lab.TunnelLab.TUNNEL_B;
import static io.xgate.dataplane.lab.TunnelLab.TUNNEL_B6;
import static io.xgate.dataplane.lab.TunnelLab.TUNNEL_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.dataplane.counters.DropReason;
import io.xgate.dataplane.crypto.CryptoProvider;
import io.xgate.dataplane.crypto.CryptoProviders;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.lab.InMemoryGateway.ProbeReply;
import io.xgate.dataplane.lab.TunnelLab.Suite;
import io.xgate.dataplane.packet.Checksum;
import io.xgate.dataplane.packet.IcmpMessage;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpProtocol;
import io.xgate.dataplane.packet.Wire;
import io.xgate.dataplane.sa.TrafficSelector;
import io.xgate.dataplane.worker.PuntHandler;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tunnel monitor's data-plane half: a gateway sends a probe into the tunnel from its own frames, the peer's
 * worker answers it into the same tunnel without the kernel, and the reply comes back as a probe-reply event —
 * never to a host, never punted.
 */
class TunnelProbeTest {
    private static final CryptoProvider CRYPTO = CryptoProviders.select(CryptoProviders.AUTO).provider();
    private static final Suite GCM = Suite.esp("gcm128", EncryptionAlgorithm.AES_128_GCM, IntegrityAlgorithm.NONE);

    private final List<DropReason> punted = new ArrayList<>();
    private final PuntHandler recorder = (reason, port, memory, offset, length) -> punted.add(reason);

    private TunnelLab lab(final Suite suite) {
        return new TunnelLab(suite, CRYPTO, TestCounters.manager(),
                List.of(TrafficSelector.any(IpAddress.V4), TrafficSelector.any(IpAddress.V6)), 1500, recorder);
    }

    static Stream<Arguments> suitesAndFamilies() {
        final List<Suite> suites = List.of(GCM, GCM.withGre(), GCM.overIpv6().withUdp(),
                Suite.esp("cbc-sha256", EncryptionAlgorithm.AES_128_CBC, IntegrityAlgorithm.SHA256_128),
                Suite.ah("ah-sha256", IntegrityAlgorithm.SHA256_128));
        return suites.stream().flatMap(s -> Stream.of(Arguments.of(s, TUNNEL_A, TUNNEL_B),
                Arguments.of(s, TUNNEL_A6, TUNNEL_B6)));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("suitesAndFamilies")
    void aProbeIsAnsweredByThePeersWorkerAndItsReplyBecomesAnEvent(final Suite suite, final String from,
                                                                  final String to) {
        try (TunnelLab lab = lab(suite)) {
            final int freeA = lab.gwA().freeFrames();
            final long before = System.nanoTime();

            assertEquals(1, lab.gwA().probe(TUNNEL_ID, from, to, 7));
            final List<byte[]> probe = lab.gwA().wan().drainTransmitted();
            assertEquals(1, probe.size(), "the probe leaves encapsulated on the WAN");
            assertEquals(List.of(), lab.toGwB(probe), "the probe reaches no host behind gw-b");
            final List<byte[]> reply = lab.gwB().wan().drainTransmitted();
            assertEquals(1, reply.size(), "gw-b answers into the tunnel the probe came from");

            assertEquals(List.of(), lab.toGwA(reply), "the reply reaches no host behind gw-a");
            final List<ProbeReply> replies = lab.gwA().drainProbeReplies();
            assertEquals(1, replies.size());
            assertEquals(TUNNEL_ID, replies.getFirst().tunnelId());
            assertEquals(7, replies.getFirst().sequence());
            assertTrue(replies.getFirst().receivedNanos() >= before);
            assertEquals(List.of(), punted, "neither probe nor reply is punted");
            assertEquals(freeA, lab.gwA().freeFrames(), "the probe's frame went back to the pool");
        }
    }

    @Test
    void aHostPingingThePeersTunnelAddressGetsAValidReplyFromItsWorker() {
        for (final String[] addresses : List.of(new String[] {HOST_B, TUNNEL_A}, new String[] {HOST_B6, TUNNEL_A6})) {
            try (TunnelLab lab = lab(GCM)) {
                final boolean v4 = IpAddress.parse(addresses[0]).isV4();
                lab.gwB().routeToTunnel(addresses[1] + (v4 ? "/32" : "/128"), lab.gwB().tables().tunnel(TUNNEL_ID));
                final byte[] request = FrameBuilder.echo(MAC_HOST_B, MAC_GW_B_LAN, addresses[0], addresses[1], 0, 64,
                        0x4242, 24);

                assertEquals(List.of(), lab.toGwA(lab.fromHostB(request)), "gw-a keeps the request to itself");
                final List<byte[]> delivered = lab.toGwB(lab.gwA().wan().drainTransmitted());

                assertEquals(1, delivered.size(), "host-b gets its echo reply back through the tunnel");
                final MemorySegment reply = MemorySegment.ofArray(delivered.getFirst());
                final long ip = 14;
                final long icmp = ip + (v4 ? 20 : 40);
                assertEquals(v4 ? IcmpMessage.ECHO_REPLY_V4 : IcmpMessage.ECHO_REPLY_V6, Wire.u8(reply, icmp));
                assertEquals(0x4242, Wire.u16(reply, icmp + 4), "the identifier is the host's");
                final int icmpLength = delivered.getFirst().length - (int) icmp;
                if (v4) {
                    assertEquals(IpAddress.parse(TUNNEL_A).v4(), Wire.u32(reply, ip + 12), "from gw-a's tunnel address");
                    assertEquals(0, Checksum.compute(reply, ip, 20), "IPv4 header checksum");
                    assertEquals(0, Checksum.compute(reply, icmp, icmpLength), "ICMP checksum");
                } else {
                    final long pseudo = Checksum.sum(reply, ip + 8, 32, IpProtocol.ICMPV6 + icmpLength);
                    assertEquals(0, Checksum.finish(Checksum.sum(reply, icmp, icmpLength, pseudo)), "ICMPv6 checksum");
                }
                assertEquals(List.of(), lab.gwA().drainProbeReplies(), "a host's ping is no probe");
                assertEquals(List.of(), punted);
            }
        }
    }

    @Test
    void anEchoReplyWithAnotherIdentifierGoesToTheControlPlaneNotTheMonitor() {
        try (TunnelLab lab = lab(GCM)) {
            lab.gwB().routeToTunnel(TUNNEL_A + "/32", lab.gwB().tables().tunnel(TUNNEL_ID));
            final byte[] upper = new byte[IcmpMessage.HEADER];
            IcmpMessage.writeEcho(MemorySegment.ofArray(upper), 0, IcmpMessage.ECHO_REPLY_V4, TUNNEL_ID + 1, 3);
            final byte[] reply = FrameBuilder.frame(MAC_HOST_B, MAC_GW_B_LAN, IpAddress.parse(HOST_B),
                    IpAddress.parse(TUNNEL_A), 0, 64, IpProtocol.ICMP, upper);

            assertEquals(List.of(), lab.toGwA(lab.fromHostB(reply)));
            assertEquals(List.of(), lab.gwA().drainProbeReplies());
            assertEquals(List.of(DropReason.PUNT), punted);
        }
    }

    @Test
    void aProbeForATunnelTheWorkerDoesNotKnowIsNotSentAndKeepsNoFrame() {
        try (TunnelLab lab = lab(GCM)) {
            final int free = lab.gwA().freeFrames();
            assertEquals(0, lab.gwA().probe(TUNNEL_ID + 5, TUNNEL_A, TUNNEL_B, 1));
            assertEquals(List.of(), lab.gwA().wan().drainTransmitted());
            assertEquals(free, lab.gwA().freeFrames());
        }
    }

    @Test
    void aProbeWithNoFreeFrameIsCountedAsANoBufferDrop() {
        try (TunnelLab lab = lab(GCM)) {
            final byte[] frame = FrameBuilder.echo(TunnelLab.MAC_HOST_A, TunnelLab.MAC_GW_A_LAN, TunnelLab.HOST_A,
                    TunnelLab.HOST_B, 0, 64, 1, 10);
            while (lab.gwA().lan().inject(frame)) {
                // hold every free frame, as a burst the worker has not read yet would
            }
            assertEquals(0, lab.gwA().freeFrames());
            assertEquals(0, lab.gwA().probe(TUNNEL_ID, TUNNEL_A, TUNNEL_B, 1));
            assertEquals(1, lab.gwA().tables().tunnel(TUNNEL_ID).counters().drops(DropReason.NO_BUFFER));
        }
    }
}
