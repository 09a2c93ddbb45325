package io.xgate.dataplane.worker;

import static io.xgate.dataplane.lab.TunnelLab.HOST_A;
import static io.xgate.dataplane.lab.TunnelLab.HOST_B;
import static io.xgate.dataplane.lab.TunnelLab.MAC_GW_A_LAN;
import static io.xgate.dataplane.lab.TunnelLab.MAC_GW_A_WAN;
import static io.xgate.dataplane.lab.TunnelLab.MAC_GW_B_LAN;
import static io.xgate.dataplane.lab.TunnelLab.MAC_GW_B_WAN;
import static io.xgate.dataplane.lab.TunnelLab.MAC_HOST_A;
import static io.xgate.dataplane.lab.TunnelLab.MAC_HOST_B;
import static io.xgate.dataplane.lab.TunnelLab.SPI_B_TO_A;
import static io.xgate.dataplane.lab.TunnelLab.TUNNEL_ID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.dataplane.counters.CounterTypes;
import io.xgate.dataplane.counters.DropReason;
import io.xgate.dataplane.counters.TrafficCounters;
import io.xgate.dataplane.crypto.CryptoProvider;
import io.xgate.dataplane.crypto.CryptoProviders;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.lab.FrameBuilder;
import io.xgate.dataplane.lab.TestCounters;
import io.xgate.dataplane.lab.TunnelLab;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.dataplane.port.FrameMemory;
import io.xgate.dataplane.port.FramePool;
import io.xgate.dataplane.port.MemoryPort;
import io.xgate.dataplane.route.Adjacency;
import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * gw-a of a {@link TunnelLab} run by two workers, each with its own frame memory and its own LAN and WAN port (as
 * each has its own socket on every device), programmed through one {@link WorkerProxy}; the lab's gw-b is the
 * peer. Tunnel 1 belongs to worker 1, so whatever reaches worker 0 for it must be handed over.
 */
class MultiWorkerTest {
    private static final CryptoProvider CRYPTO = CryptoProviders.select(CryptoProviders.AUTO).provider();
    private static final int LAN = 0;
    private static final int WAN = 1;
    private static final int OWNER = 1;
    private static final int OTHER = 0;

    private final CountersManager counters = TestCounters.manager();
    private final Arena arena = Arena.ofShared();
    private final TunnelLab peer = new TunnelLab(
            TunnelLab.Suite.esp("gcm", EncryptionAlgorithm.AES_128_GCM, IntegrityAlgorithm.NONE), CRYPTO, counters);
    private final List<WorkerChannels> channels = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    private final List<MemoryPort[]> ports = new ArrayList<>();
    private final List<TrafficCounters[]> portCounters = new ArrayList<>();
    private HandoffMesh mesh;
    private WorkerProxy proxy;

    private void start(final int ringCapacity) {
        mesh = new HandoffMesh(2, counters, ringCapacity);
        for (int w = 0; w < 2; w++) {
            final FramePool pool = new FramePool(FrameMemory.allocate(arena, 4096, 512, 256));
            final MemoryPort lan = new MemoryPort(LAN, "lan", MAC_GW_A_LAN, pool);
            final MemoryPort wan = new MemoryPort(WAN, "wan", MAC_GW_A_WAN, pool);
            final TrafficCounters[] counted = {portCounters(lan, w), portCounters(wan, w)};
            final WorkerChannels worker = new WorkerChannels(w, counters);
            channels.add(worker);
            ports.add(new MemoryPort[] {lan, wan});
            portCounters.add(counted);
            workers.add(new Worker(pool, List.of(new PortContext(lan, 0, counted[LAN]),
                    new PortContext(wan, 0, counted[WAN])), worker, Worker.NO_PINNING, mesh.worker(w)));
        }
        proxy = WorkerChannels.proxy(channels, CRYPTO, counters);
        for (final String own : List.of("198.18.1.1", "192.0.2.1", TunnelLab.TUNNEL_A)) {
            assertTrue(proxy.localAddress(IpAddress.parse(own), true));
        }
        assertTrue(proxy.addRoute(0, IpPrefix.parse("198.18.1.0/24"), 10, Adjacency.port(LAN, null)));
        assertTrue(proxy.neighbour(IpAddress.parse(HOST_A), MAC_HOST_A));
        assertTrue(proxy.addTunnel(TUNNEL_ID, "tunnel.1", 1500, 0));
        assertNotNull(proxy.addOutboundSa(peer.saAtoB(), WAN, MAC_GW_B_WAN));
        assertNotNull(proxy.addInboundSa(peer.saBtoA()));
        assertTrue(proxy.addRoute(0, IpPrefix.parse("198.18.2.0/24"), 10, proxy.tunnelAdjacency(TUNNEL_ID)));
        workers.forEach(Worker::doWork);
    }

    private TrafficCounters portCounters(final MemoryPort port, final int worker) {
        return new TrafficCounters(counters, CounterTypes.PORT_TRAFFIC, CounterTypes.PORT_DROP,
                "port " + port.name() + " queue " + worker, port.id());
    }

    @AfterEach
    void close() {
        peer.close();
        arena.close();
    }

    private static byte[] fromHostA(final int sequence) {
        return FrameBuilder.echo(MAC_HOST_A, MAC_GW_A_LAN, HOST_A, HOST_B, 0, 64, sequence, 200);
    }

    @Test
    void theTunnelAndItsSasGoToTheOwnerOnlyWhileRoutesAndNeighboursGoToEveryWorker() {
        start(HandoffMesh.DEFAULT_RING_CAPACITY);
        assertEquals(OWNER, SaOwners.ofTunnel(TUNNEL_ID, 2));
        final ForwardingTables owner = workers.get(OWNER).tables();
        final ForwardingTables other = workers.get(OTHER).tables();
        assertNotNull(owner.tunnel(TUNNEL_ID));
        assertNotNull(owner.inbound(SPI_B_TO_A));
        assertEquals(1, owner.tunnel(TUNNEL_ID).children().length);
        assertEquals(ForwardingTables.NO_OWNER, owner.inboundOwner(SPI_B_TO_A));
        assertNull(other.tunnel(TUNNEL_ID));
        assertNull(other.inbound(SPI_B_TO_A));
        assertEquals(OWNER, other.inboundOwner(SPI_B_TO_A));
        for (final ForwardingTables tables : List.of(owner, other)) {
            assertNotNull(tables.routes(0).lookupV4(IpAddress.parse(HOST_B).v4()));
            assertTrue(tables.neighbours().macV4(IpAddress.parse(HOST_A).v4()) != 0);
        }

        assertTrue(proxy.removeInboundSa(SPI_B_TO_A));
        workers.forEach(Worker::doWork);
        assertNull(owner.inbound(SPI_B_TO_A));
        assertEquals(ForwardingTables.NO_OWNER, other.inboundOwner(SPI_B_TO_A));
    }

    @Test
    void outboundPacketOnTheOtherWorkerIsHandedOverAndSentByTheOwner() {
        start(HandoffMesh.DEFAULT_RING_CAPACITY);
        final byte[] frame = fromHostA(1);
        ports.get(OTHER)[LAN].inject(frame);
        workers.get(OTHER).doWork();
        assertEquals(List.of(), ports.get(OTHER)[WAN].drainTransmitted(), "the other worker holds no SA to send with");
        assertEquals(1, mesh.worker(OTHER).handedOff());

        workers.get(OWNER).doWork();
        assertEquals(1, mesh.worker(OWNER).takenOver());
        final List<byte[]> wire = ports.get(OWNER)[WAN].drainTransmitted();
        assertEquals(1, wire.size());
        final List<byte[]> atHostB = peer.toGwB(wire);
        assertEquals(1, atHostB.size());
        // Past the Ethernet header the host gets the packet as sent, but for TTL (-1 per gateway) and checksum.
        final byte[] sent = Arrays.copyOfRange(frame, 14, frame.length);
        final byte[] got = Arrays.copyOfRange(atHostB.getFirst(), 14, atHostB.getFirst().length);
        assertEquals((sent[8] & 0xFF) - 2, got[8] & 0xFF);
        assertArrayEquals(Arrays.copyOfRange(sent, 20, sent.length), Arrays.copyOfRange(got, 20, got.length));
        assertEquals(1, portCounters.get(OTHER)[LAN].packetsIn());
        assertEquals(0, portCounters.get(OTHER)[LAN].totalDrops());
        assertEquals(1, portCounters.get(OWNER)[WAN].packetsOut());
    }

    @Test
    void inboundEspOnTheOtherWorkerIsHandedOverAndDecapsulatedByTheOwner() {
        start(HandoffMesh.DEFAULT_RING_CAPACITY);
        final byte[] reply = FrameBuilder.echo(MAC_HOST_B, MAC_GW_B_LAN, HOST_B, HOST_A, 0, 64, 7, 300);
        final List<byte[]> wire = peer.fromHostB(reply);
        assertEquals(1, wire.size());
        ports.get(OTHER)[WAN].inject(wire.getFirst());
        workers.get(OTHER).doWork();
        assertEquals(0, portCounters.get(OTHER)[WAN].drops(DropReason.NO_SA));
        workers.get(OWNER).doWork();
        final List<byte[]> atHostA = ports.get(OWNER)[LAN].drainTransmitted();
        assertEquals(1, atHostA.size());
        assertArrayEquals(Arrays.copyOfRange(reply, 34, reply.length),
                Arrays.copyOfRange(atHostA.getFirst(), 34, atHostA.getFirst().length), "ICMP echo intact");
        assertEquals(1, workers.get(OWNER).tables().inbound(SPI_B_TO_A).counters().packetsIn());
    }

    @Test
    void aFullHandoffRingIsACountedDropAndEveryPacketItTookArrives() {
        start(4096);
        final int sent = 48;
        for (int i = 0; i < sent; i++) {
            ports.get(OTHER)[LAN].inject(fromHostA(i));
        }
        workers.get(OTHER).doWork();
        final long handedOff = mesh.worker(OTHER).handedOff();
        final long dropped = portCounters.get(OTHER)[LAN].drops(DropReason.HANDOFF);
        assertTrue(handedOff > 0 && dropped > 0, "handed off " + handedOff + ", dropped " + dropped);
        assertEquals(sent, handedOff + dropped);

        workers.get(OWNER).doWork();
        assertEquals(handedOff, ports.get(OWNER)[WAN].drainTransmitted().size());
        assertEquals(handedOff, mesh.worker(OWNER).takenOver());
    }
}
