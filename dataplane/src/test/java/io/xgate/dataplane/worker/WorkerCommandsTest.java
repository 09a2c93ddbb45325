package io.xgate.dataplane.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.dataplane.counters.CountersFullException;
import io.xgate.dataplane.counters.DropReason;
import io.xgate.dataplane.crypto.CryptoProvider;
import io.xgate.dataplane.crypto.CryptoProviders;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.lab.TestCounters;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.dataplane.route.Adjacency;
import io.xgate.dataplane.sa.IpsecMode;
import io.xgate.dataplane.sa.IpsecProtocol;
import io.xgate.dataplane.sa.OutboundSa;
import io.xgate.dataplane.sa.SaSpec;
import io.xgate.dataplane.sa.TrafficSelector;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;

/** Commands cross from {@link WorkerProxy} to the worker's tables only when the worker polls; events come back. */
class WorkerCommandsTest {
    private static final CryptoProvider CRYPTO = CryptoProviders.select(CryptoProviders.AUTO).provider();
    private static final int TUNNEL = 7;
    private static final long MAC_B = 0x02_78_67_00_01_02L;

    private final CountersManager counters = TestCounters.manager();
    private final WorkerChannels channels = new WorkerChannels(0, counters);
    private final ForwardingTables tables = new ForwardingTables(channels.retiredSas());
    private final WorkerCommandAdapter adapter = channels.adapter(tables);
    private final WorkerProxy proxy = channels.proxy(CRYPTO, counters);

    @Test
    void everyCommandChangesTheTablesOnlyWhenTheWorkerPolls() {
        assertTrue(proxy.addTunnel(TUNNEL, "tunnel.7", 1400, 0));
        assertNull(tables.tunnel(TUNNEL), "nothing applied before the worker polls");
        assertEquals(1, adapter.poll(16));
        assertEquals("tunnel.7", tables.tunnel(TUNNEL).name());

        assertNotNull(proxy.addInboundSa(spec(0x1001)));
        assertNotNull(proxy.addOutboundSa(spec(0x2002), 1, MAC_B));
        final Adjacency viaB = Adjacency.port(1, IpAddress.parse("203.0.113.2"));
        final IpPrefix benchmarkNet = IpPrefix.parse("198.18.0.0/15");
        assertTrue(proxy.addRoute(0, benchmarkNet, 10, viaB));
        final Adjacency intoTunnel = proxy.tunnelAdjacency(TUNNEL);
        final IpPrefix remoteV6 = IpPrefix.parse("2001:db8:5::/48");
        assertTrue(proxy.addRoute(0, remoteV6, 10, intoTunnel));
        assertTrue(proxy.neighbour(IpAddress.parse("203.0.113.2"), MAC_B));
        assertTrue(proxy.localAddress(IpAddress.parse("192.0.2.1"), true));
        assertEquals(6, adapter.poll(16));

        assertEquals(0x1001, tables.inbound(0x1001).spi());
        final OutboundSa out = tables.tunnel(TUNNEL).children()[0];
        assertEquals(0x2002, out.spi());
        assertEquals(1, out.egressPort());
        assertEquals(MAC_B, out.nextHopMac());
        assertSame(viaB, tables.virtualRouter(0).lookup(IpAddress.parse("198.19.255.1")));
        assertSame(tables.tunnel(TUNNEL), tables.virtualRouter(0).lookup(IpAddress.parse("2001:db8:5::9")).tunnel());
        assertEquals(MAC_B, tables.neighbours().macV4(IpAddress.parse("203.0.113.2").v4()));
        assertTrue(tables.localAddresses().containsV4(IpAddress.parse("192.0.2.1").v4()));

        assertTrue(proxy.removeInboundSa(0x1001));
        assertTrue(proxy.removeOutboundSa(TUNNEL, 0x2002));
        assertTrue(proxy.removeRoute(0, benchmarkNet, viaB));
        assertTrue(proxy.removeRoute(0, remoteV6, intoTunnel));
        assertTrue(proxy.neighbour(IpAddress.parse("203.0.113.2"), 0));
        assertTrue(proxy.localAddress(IpAddress.parse("192.0.2.1"), false));
        assertEquals(6, adapter.poll(16));

        assertNull(tables.inbound(0x1001));
        assertEquals(0, tables.tunnel(TUNNEL).children().length);
        assertNull(tables.virtualRouter(0).lookup(IpAddress.parse("198.19.255.1")));
        assertNull(tables.virtualRouter(0).lookup(IpAddress.parse("2001:db8:5::9")));
        assertEquals(0, tables.neighbours().macV4(IpAddress.parse("203.0.113.2").v4()));
        assertFalse(tables.localAddresses().containsV4(IpAddress.parse("192.0.2.1").v4()));
        assertEquals(13, adapter.applied());
        assertEquals(0, channels.commandsRejected());
    }

    @Test
    void aFullRingRefusesAndCountsInsteadOfBlocking() {
        final WorkerChannels small = new WorkerChannels(1, counters, 1024, 1024);
        final WorkerProxy smallProxy = small.proxy(CRYPTO, counters);
        final WorkerCommandAdapter smallAdapter = small.adapter(tables);
        final int capacity = 1024 / WorkerChannels.COMMAND_RECORD;
        for (int i = 0; i < capacity; i++) {
            assertTrue(smallProxy.neighbour(IpAddress.v4(0xC000_0200 + i), MAC_B), "command " + i);
        }
        assertFalse(smallProxy.neighbour(IpAddress.parse("192.0.2.250"), MAC_B));
        assertFalse(smallProxy.localAddress(IpAddress.parse("192.0.2.1"), true));
        assertEquals(2, small.commandsRejected());

        assertEquals(capacity, smallAdapter.poll(1000));
        assertTrue(smallProxy.neighbour(IpAddress.parse("192.0.2.250"), MAC_B), "room again once the worker read");
        assertEquals(1, smallAdapter.poll(1000));
        assertEquals(MAC_B, tables.neighbours().macV4(IpAddress.parse("192.0.2.250").v4()));
        assertFalse(tables.localAddresses().containsV4(IpAddress.parse("192.0.2.1").v4()), "the refused command never applied");
    }

    @Test
    void aPuntedPacketReachesTheControlPlaneWithReasonAndPort() {
        final byte[] frame = new byte[100];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) i;
        }
        channels.puntPublisher().punt(DropReason.NO_NEIGHBOUR, 1, MemorySegment.ofArray(frame), 14, 60);

        final List<byte[]> packets = new ArrayList<>();
        final List<String> meta = new ArrayList<>();
        final int n = channels.events().poll((reason, port, buffer, offset, length) -> {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            packets.add(copy);
            meta.add(reason.label() + "@" + port);
        }, ProbeReplyListener.NONE, 10);

        assertEquals(1, n);
        assertEquals(List.of("no-neighbour@1"), meta);
        assertArrayEquals(Arrays.copyOfRange(frame, 14, 74), packets.get(0));
    }

    @Test
    void probeRepliesReachTheMonitorInOrderWithThePunts() {
        final ProbeReplyListener replies = channels.probeReplyPublisher();
        replies.onProbeReply(7, 41, 123_456_789L);
        channels.puntPublisher().punt(DropReason.PUNT, 0, MemorySegment.ofArray(new byte[20]), 0, 20);
        replies.onProbeReply(7, 42, 987_654_321L);

        final List<String> seen = new ArrayList<>();
        assertEquals(3, channels.events().poll((reason, port, buffer, offset, length) -> seen.add("punt " + length),
                (tunnelId, sequence, nanos) -> seen.add("reply " + tunnelId + "/" + sequence + "@" + nanos), 10));
        assertEquals(List.of("reply 7/41@123456789", "punt 20", "reply 7/42@987654321"), seen);
    }

    @Test
    void aProbeRequestIsQueuedForTheWorkerToSendAfterTheCommandsOfItsDutyCycle() {
        assertTrue(proxy.sendProbe(TUNNEL, IpAddress.parse("198.18.255.1"), IpAddress.parse("198.18.255.2"), 9));
        assertEquals(0, tables.probeRequests().size(), "nothing queued before the worker polls");
        assertEquals(1, adapter.poll(16));
        assertEquals(1, tables.probeRequests().size());
    }

    @Test
    void puntsThatDoNotFitAreCountedAsLost() {
        final WorkerChannels small = new WorkerChannels(2, counters, 1024, 1024);
        final PuntHandler publisher = small.puntPublisher();
        final MemorySegment packet = MemorySegment.ofArray(new byte[100]);
        for (int i = 0; i < 20; i++) {
            publisher.punt(DropReason.TTL, 0, packet, 0, 100);
        }
        final int fitting = 8; // records of 8 (header) + 8 (reason, port) + 100 bytes, aligned to 8: 120 of 1024
        assertEquals(fitting, small.events().poll((reason, port, buffer, offset, length) -> { }, ProbeReplyListener.NONE, 100));
        assertEquals(20 - fitting, small.eventsLost());
    }

    @Test
    void removedAndReplacedSasAreClosedOnTheControlThreadNotTheWorker() {
        assertTrue(proxy.addTunnel(TUNNEL, "tunnel.7", 1400, 0));
        assertNotNull(proxy.addInboundSa(spec(0x1001)));
        assertNotNull(proxy.addOutboundSa(spec(0x2002), 1, MAC_B));
        assertEquals(3, adapter.poll(16));
        assertEquals(2 * perSa(), saCounters());

        assertTrue(proxy.removeInboundSa(0x1001));
        assertNotNull(proxy.addOutboundSa(spec(0x2003), 1, MAC_B)); // rekey: replaces 0x2002
        assertEquals(2, adapter.poll(16));
        assertEquals(3 * perSa(), saCounters(), "the worker freed no counter");

        assertEquals(2, channels.closeRetiredSas());
        assertEquals(perSa(), saCounters(), "only the new outbound SA's counters remain");
        assertEquals(0, channels.closeRetiredSas());
    }

    @Test
    void aReinstalledInboundSaRetiresTheOneWithItsSpi() {
        assertTrue(proxy.addTunnel(TUNNEL, "tunnel.7", 1400, 0));
        assertNotNull(proxy.addInboundSa(spec(0x1001)));
        final var second = proxy.addInboundSa(spec(0x1001));
        assertEquals(3, adapter.poll(16));

        assertSame(second, tables.inbound(0x1001));
        assertEquals(1, channels.closeRetiredSas(), "the first SA came back to be wiped");
        assertEquals(perSa(), saCounters());
    }

    @Test
    void aRemovedTunnelComesBackWithItsOutboundSasAndFreesEveryCounter() {
        assertTrue(proxy.addTunnel(TUNNEL, "tunnel.7", 1400, 0));
        assertNotNull(proxy.addOutboundSa(spec(0x2002), 1, MAC_B));
        assertEquals(2, adapter.poll(16));

        assertTrue(proxy.removeTunnel(TUNNEL));
        assertEquals(1, adapter.poll(16));

        assertNull(tables.tunnel(TUNNEL));
        assertEquals(2, channels.closeRetiredSas(), "the outbound SA and the tunnel");
        final int[] left = {0};
        counters.forEach((id, label) -> left[0] += label.contains("tunnel.7") ? 1 : 0);
        assertEquals(0, left[0]);
    }

    @Test
    void aNextHopUpdateKeepsTheOutboundSaAndItsSequenceNumbers() {
        assertTrue(proxy.addTunnel(TUNNEL, "tunnel.7", 1400, 0));
        assertNotNull(proxy.addOutboundSa(spec(0x2002), 1, 0));
        assertEquals(2, adapter.poll(16));
        final OutboundSa sa = tables.tunnel(TUNNEL).children()[0];
        sa.nextSequence();

        assertTrue(proxy.outboundNextHop(TUNNEL, 0x2002, 1, MAC_B));
        assertTrue(proxy.outboundNextHop(TUNNEL, 0x9999, 1, MAC_B)); // unknown SPI: ignored
        assertEquals(2, adapter.poll(16));

        assertSame(sa, tables.tunnel(TUNNEL).children()[0]);
        assertEquals(MAC_B, sa.nextHopMac());
        assertEquals(2, sa.peekSequence());
    }

    @Test
    void aFullCountersFileRefusesAnSaBeforeAnyWorkerHearsOfItAndLeavesNoSlotTaken() {
        // Two workers' ring counters each, the tunnel, one SA, and a few slots short of a second SA.
        final CountersManager small = TestCounters.manager(2 * 2 + 2 * perSa() + perSa() - 3);
        final WorkerChannels first = new WorkerChannels(0, small);
        final WorkerChannels second = new WorkerChannels(1, small);
        final WorkerProxy twoWorkers = WorkerChannels.proxy(List.of(first, second), CRYPTO, small);
        final WorkerCommandAdapter firstAdapter = first.adapter(new ForwardingTables(first.retiredSas()));
        final WorkerCommandAdapter secondAdapter = second.adapter(new ForwardingTables(second.retiredSas()));
        assertTrue(twoWorkers.addTunnel(TUNNEL, "tunnel.7", 1400, 0));
        assertNotNull(twoWorkers.addOutboundSa(spec(0x2002), 1, MAC_B));
        final long[] posted = {twoWorkers.posted(0), twoWorkers.posted(1)};

        final CountersFullException full = assertThrows(CountersFullException.class,
                () -> twoWorkers.addInboundSa(spec(0x1001)));
        assertTrue(full.getMessage().startsWith("the counters file is full; no counters for sa in 0x00001001"),
                full.getMessage());
        assertThrows(CountersFullException.class, () -> twoWorkers.addOutboundSa(spec(0x2003), 1, MAC_B));
        assertThrows(CountersFullException.class, () -> twoWorkers.addTunnel(8, "tunnel.8", 1400, 0));
        assertArrayEquals(posted, new long[] {twoWorkers.posted(0), twoWorkers.posted(1)},
                "no worker was told of the refused SAs (not even which worker owns the inbound SPI)");
        final int[] used = {0};
        small.forEach((id, label) -> used[0]++);
        assertEquals(2 * 2 + 2 * perSa(), used[0], "the refused sets gave back every slot they took");

        assertTrue(twoWorkers.removeOutboundSa(TUNNEL, 0x2002));
        final int applied = firstAdapter.poll(16) + secondAdapter.poll(16);
        assertEquals(3, applied, "the tunnel, its SA and its removal");
        assertEquals(1, first.closeRetiredSas() + second.closeRetiredSas());
        assertNotNull(twoWorkers.addInboundSa(spec(0x1001)), "room again once an SA is gone");
    }

    private int saCounters() {
        final int[] n = {0};
        counters.forEach((id, label) -> n[0] += label.startsWith("sa ") ? 1 : 0);
        return n[0];
    }

    private static int perSa() {
        return 4 + DropReason.count();
    }

    private static SaSpec spec(final int spi) {
        return new SaSpec(spi, TUNNEL, IpsecProtocol.ESP, IpsecMode.TUNNEL, EncryptionAlgorithm.AES_128_GCM,
                new byte[20], IntegrityAlgorithm.NONE, new byte[0], false, true, 1024,
                IpAddress.parse("192.0.2.1"), IpAddress.parse("192.0.2.2"), 0, 0, false, false, false,
                List.of(TrafficSelector.any(IpAddress.V4), TrafficSelector.any(IpAddress.V6)));
    }
}
