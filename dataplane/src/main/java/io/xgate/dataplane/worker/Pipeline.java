package io.xgate.dataplane.worker;

import io.xgate.dataplane.counters.DropReason;
import io.xgate.dataplane.esp.Decapsulator;
import io.xgate.dataplane.esp.Encapsulator;
import io.xgate.dataplane.packet.EthernetFrame;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpProtocol;
import io.xgate.dataplane.packet.Ipv4Packet;
import io.xgate.dataplane.packet.Ipv6Packet;
import io.xgate.dataplane.packet.PacketBuffer;
import io.xgate.dataplane.packet.TransportPorts;
import io.xgate.dataplane.packet.UdpHeader;
import io.xgate.dataplane.packet.Wire;
import io.xgate.dataplane.port.FrameBatch;
import io.xgate.dataplane.port.FrameMemory;
import io.xgate.dataplane.port.FramePool;
import io.xgate.dataplane.route.Adjacency;
import io.xgate.dataplane.route.RouteTable;
import io.xgate.dataplane.sa.InboundSa;
import io.xgate.dataplane.sa.OutboundSa;
import io.xgate.dataplane.sa.Tunnel;
import java.lang.foreign.MemorySegment;

/**
 * The packet's way through one worker, run to completion per frame and batched per port:
 * ESP/AH for us → decapsulate → route the inner packet; anything else → route → into a tunnel (encapsulate)
 * or out of a port. Every frame ends transmitted, punted to the control plane, or dropped with a counted
 * reason — or, for the tunnel monitor, answered or reported: echo requests to the gateway that come out of a
 * tunnel go back into it, and replies to the gateway's own probes ({@link #sendProbes}) become events.
 * With several workers a packet whose SA another worker owns is handed over to it ({@link WorkerHandoffs}) before
 * anything touches the SA, and {@link #takeOver} runs the packets handed to this worker from where the sender
 * stopped. No allocation, no exceptions, no locks.
 */
public final class Pipeline {
    static final int NAT_T_PORT = 4500;
    private static final int DROPPED = -1;
    /** Finished without a drop (a probe reply, reported): the frame is free again. */
    private static final int CONSUMED = -2;
    /** Copied to the worker that owns its SA: the frame is free again. */
    private static final int HANDED_OFF = -3;

    private final ForwardingTables tables;
    private final FrameMemory memory;
    private final FramePool pool;
    private final PuntHandler punt;
    private final PacketBuffer pkt = new PacketBuffer();
    private final EthernetFrame ethernet = new EthernetFrame();
    private final Ipv4Packet ipv4 = new Ipv4Packet();
    private final Ipv6Packet ipv6 = new Ipv6Packet();
    private final UdpHeader udp = new UdpHeader();
    private final Encapsulator encapsulator = new Encapsulator();
    private final Decapsulator decapsulator = new Decapsulator();
    private final TunnelEcho echo;
    private final WorkerHandoffs handoffs;
    private final HandoffRing.Receiver receiver = new HandoffRing.Receiver() {
        @Override
        protected void onPacket(final int entry, final int port, final int virtualRouter, final MemorySegment packet,
                                final long offset, final int length) {
            takeOver(entry, port, virtualRouter, packet, offset, length);
        }
    };
    /** The packet in hand came from another worker: it is never handed over again. */
    private boolean handedOver;

    /** A lone worker's pipeline, which owns every SA. */
    public Pipeline(final ForwardingTables tables, final FramePool pool, final PuntHandler punt,
                    final ProbeReplyListener probeReplies) {
        this(tables, pool, punt, probeReplies, WorkerHandoffs.SOLO);
    }

    /**
     * @param pool     the free frames of the worker's memory, which probes and packets taken over are built in
     * @param handoffs this worker's rings to and from the others
     */
    public Pipeline(final ForwardingTables tables, final FramePool pool, final PuntHandler punt,
                    final ProbeReplyListener probeReplies, final WorkerHandoffs handoffs) {
        this.tables = tables;
        this.memory = pool.memory();
        this.pool = pool;
        this.punt = punt;
        this.echo = new TunnelEcho(probeReplies);
        this.handoffs = handoffs;
    }

    /** Processes and clears a batch received on {@code in}, then transmits what it produced. */
    public int process(final PortContext in, final FrameBatch rx) {
        final int n = rx.size();
        final MemorySegment m = memory.segment();
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            final long address = rx.address(i);
            final long chunk = memory.chunkOf(address);
            pkt.wrap(m, chunk, chunk + memory.frameSize(), address, rx.length(i));
            bytes += rx.length(i);
            final int egress = handle(in);
            if (egress < 0) {
                in.port().recycle(address);
            } else {
                queue(egress);
            }
        }
        rx.clear();
        in.counters().in(n, bytes);
        flushAll();
        return n;
    }

    /**
     * Builds the tunnel-monitor probes waiting in {@code requests}, each in a frame taken from the pool, and sends
     * them into their tunnels like any packet routed there; returns how many left. A probe for a tunnel the worker
     * does not know, or with no free frame (counted as the tunnel's no-buffer drop), is not sent: the monitor
     * counts it as a miss.
     */
    public int sendProbes(final ProbeRequests requests) {
        int sent = 0;
        final MemorySegment m = memory.segment();
        for (WorkerCommand.SendProbe probe = requests.poll(); probe != null; probe = requests.poll()) {
            final Tunnel tunnel = tables.tunnel(probe.tunnelId());
            final long chunk = tunnel == null ? -1 : pool.take();
            if (chunk < 0) {
                if (tunnel != null) {
                    tunnel.counters().drop(DropReason.NO_BUFFER);
                }
                continue;
            }
            final long start = chunk + memory.headroom();
            pkt.wrap(m, chunk, chunk + memory.frameSize(), start, TunnelEcho.writeProbe(m, start, probe));
            final boolean v4 = probe.source().isV4();
            if (v4) {
                ipv4.wrap(m, start, pkt.end());
            } else {
                ipv6.wrap(m, start, pkt.end());
            }
            final int egress = intoTunnel(null, tunnel, v4);
            if (egress < 0) {
                pool.give(chunk);
            } else {
                queue(egress);
                sent++;
            }
        }
        flushAll();
        return sent;
    }

    /**
     * Runs up to {@code limit} packets from each other worker's ring as if they had arrived here, then transmits
     * what they produced; returns how many were taken over.
     */
    public int takeOver(final int limit) {
        final int taken = handoffs.drain(receiver, limit);
        if (taken > 0) {
            flushAll();
        }
        return taken;
    }

    /**
     * Copies a handed-over IP packet into a frame of this worker where a received one would sit (after the
     * Ethernet header, so encapsulation has the same headroom) and continues at {@code entry}. Its port's receive
     * was counted by the worker that received it; drops here count on this worker's side of the port.
     */
    private void takeOver(final int entry, final int portId, final int virtualRouter, final MemorySegment packet,
                          final long offset, final int length) {
        final PortContext in = tables.port(portId);
        final long chunk = in == null ? -1 : pool.take();
        if (chunk < 0) {
            if (in != null) {
                in.counters().drop(DropReason.NO_BUFFER);
            }
            return;
        }
        final long start = chunk + memory.headroom() + EthernetFrame.LENGTH;
        if (start + length > chunk + memory.frameSize()) {
            // Only if the workers' frames differ in size or headroom: counted, never an exception in the loop.
            pool.give(chunk);
            in.counters().drop(DropReason.MTU);
            return;
        }
        final MemorySegment m = memory.segment();
        MemorySegment.copy(packet, offset, m, start, length);
        pkt.wrap(m, chunk, chunk + memory.frameSize(), start, length);
        handedOver = true;
        final int egress = entry == HandoffRing.INGRESS ? ingress(in, start, (Wire.u8(m, start) >>> 4) == 4)
                : forward(in, virtualRouter);
        handedOver = false;
        if (egress < 0) {
            pool.give(chunk);
        } else {
            queue(egress);
        }
    }

    /**
     * Hands the IP packet {@link #pkt} describes, untouched so far, to the worker that owns its SA, which
     * continues at {@code entry}. A full ring, or a packet that already came from another worker, is dropped.
     */
    private int handOff(final PortContext in, final int owner, final int entry, final int virtualRouter) {
        if (handedOver || !handoffs.handOff(owner, entry, in.port().id(), virtualRouter, pkt.memory(), pkt.start(),
                pkt.length())) {
            return drop(in, DropReason.HANDOFF);
        }
        return HANDED_OFF;
    }

    private void queue(final int egress) {
        final PortContext out = tables.port(egress);
        out.tx().add(pkt.start(), pkt.length());
        if (out.tx().isFull()) {
            flush(out);
        }
    }

    private void flushAll() {
        for (final PortContext p : tables.ports()) {
            if (p != null && p.tx().size() > 0) {
                flush(p);
            }
        }
    }

    private static void flush(final PortContext p) {
        final FrameBatch tx = p.tx();
        final int sent = p.port().transmit(tx);
        long bytes = 0;
        for (int i = 0; i < sent; i++) {
            bytes += tx.length(i);
        }
        p.counters().out(sent, bytes);
        if (sent < tx.size()) {
            p.counters().drop(DropReason.RING_FULL, tx.size() - sent);
        }
        tx.clear();
    }

    /** @return the egress port with {@link #pkt} describing the frame to send, or {@link #DROPPED}. */
    private int handle(final PortContext in) {
        final MemorySegment m = pkt.memory();
        if (!ethernet.wrap(m, pkt.start(), pkt.end())) {
            return drop(in, DropReason.RUNT);
        }
        final int type = ethernet.etherType();
        if (type == EthernetFrame.TYPE_IPV4 || type == EthernetFrame.TYPE_IPV6) {
            return ingress(in, ethernet.payloadOffset(), type == EthernetFrame.TYPE_IPV4);
        }
        return punt(in, DropReason.PUNT);
    }

    /** An IP packet at {@code ip} that arrived on {@code in}: for the gateway (IPsec, or punted), or to forward. */
    private int ingress(final PortContext in, final long ip, final boolean v4) {
        final MemorySegment m = pkt.memory();
        if (v4) {
            if (!ipv4.wrap(m, ip, pkt.end())) {
                return drop(in, DropReason.RUNT);
            }
            if (!ipv4.checksumValid()) {
                return drop(in, DropReason.MALFORMED);
            }
            pkt.set(ip, ipv4.totalLength());
            if (tables.localAddresses().containsV4(ipv4.destination())) {
                return forUs(in, ip, ipv4.protocol(), ipv4.payloadOffset(), ipv4.tos(), ipv4.isFragment());
            }
            return forward(in, in.virtualRouter());
        }
        if (!ipv6.wrap(m, ip, pkt.end())) {
            return drop(in, DropReason.RUNT);
        }
        pkt.set(ip, ipv6.totalLength());
        if (tables.localAddresses().containsV6(ipv6.destinationHigh(), ipv6.destinationLow())) {
            return forUs(in, ip, ipv6.upperProtocol(), ipv6.upperOffset(), ipv6.trafficClass(), ipv6.isFragment());
        }
        return forward(in, in.virtualRouter());
    }

    /** A packet addressed to the gateway: IPsec to decapsulate, or something for the control plane. */
    private int forUs(final PortContext in, final long ip, final int protocol, final long upper, final int tos,
                      final boolean fragment) {
        final MemorySegment m = pkt.memory();
        if (protocol == IpProtocol.ESP || protocol == IpProtocol.AH) {
            if (fragment) {
                return drop(in, DropReason.UNSUPPORTED);
            }
            return inbound(in, ip, upper, protocol, tos);
        }
        if (protocol == IpProtocol.UDP && !fragment && udp.wrap(m, upper, pkt.end())
                && udp.destinationPort() == NAT_T_PORT) {
            final long esp = udp.payloadOffset();
            // RFC 3948 §2.2: a zero "SPI" is the non-ESP marker of IKE; one 0xFF byte is a NAT keepalive.
            if (udp.payloadLength() >= 8 && Wire.u32(m, esp) != 0) {
                return inbound(in, ip, esp, IpProtocol.ESP, tos);
            }
        }
        return punt(in, DropReason.PUNT);
    }

    private int inbound(final PortContext in, final long ip, final long header, final int protocol, final int tos) {
        final MemorySegment m = pkt.memory();
        if (header + 8 > pkt.end()) {
            return drop(in, DropReason.RUNT);
        }
        final int spi = Wire.u32(m, protocol == IpProtocol.ESP ? header : header + 4);
        final InboundSa sa = tables.inbound(spi);
        if (sa == null) {
            final int owner = tables.inboundOwner(spi);
            return owner == ForwardingTables.NO_OWNER ? drop(in, DropReason.NO_SA)
                    : handOff(in, owner, HandoffRing.INGRESS, 0);
        }
        if (sa.protocol().ordinal() != (protocol == IpProtocol.ESP ? 0 : 1)) {
            return drop(in, DropReason.NO_SA);
        }
        final DropReason failed = protocol == IpProtocol.ESP
                ? decapsulator.esp(pkt, ip, header, tos, sa)
                : decapsulator.ah(pkt, ip, header, tos, sa);
        final Tunnel tunnel = sa.tunnel();
        if (failed != null) {
            sa.counters().drop(failed);
            tunnel.counters().drop(failed);
            return drop(in, failed);
        }
        sa.counters().in(pkt.length());
        tunnel.counters().in(pkt.length());
        final long inner = pkt.start();
        final boolean v4 = (Wire.u8(m, inner) >>> 4) == 4;
        final boolean forGateway = v4
                ? ipv4.wrap(m, inner, pkt.end()) && tables.localAddresses().containsV4(ipv4.destination())
                : ipv6.wrap(m, inner, pkt.end())
                        && tables.localAddresses().containsV6(ipv6.destinationHigh(), ipv6.destinationLow());
        return forGateway ? fromTunnelToGateway(in, tunnel, v4) : forward(in, tunnel.virtualRouter());
    }

    /** Echo is answered into the tunnel it came from, probe replies reported; the rest goes to the control plane. */
    private int fromTunnelToGateway(final PortContext in, final Tunnel tunnel, final boolean v4) {
        final int outcome = v4 ? echo.onIpv4(ipv4, pkt.end(), tunnel) : echo.onIpv6(ipv6, pkt.end(), tunnel);
        if (outcome == TunnelEcho.ANSWERED) {
            return intoTunnel(in, tunnel, v4);
        }
        return outcome == TunnelEcho.PROBE_REPLY ? CONSUMED : punt(in, DropReason.PUNT);
    }

    /** Routes the IP packet in {@link #pkt} within a virtual router. */
    private int forward(final PortContext in, final int virtualRouter) {
        final MemorySegment m = pkt.memory();
        final long ip = pkt.start();
        final boolean v4 = (Wire.u8(m, ip) >>> 4) == 4;
        final RouteTable routes = tables.routes(virtualRouter);
        final Adjacency adjacency;
        if (v4) {
            ipv4.wrap(m, ip, pkt.end());
            adjacency = routes == null ? null : routes.lookupV4(ipv4.destination());
        } else {
            ipv6.wrap(m, ip, pkt.end());
            adjacency = routes == null ? null : routes.lookupV6(ipv6.destinationHigh(), ipv6.destinationLow());
        }
        if (adjacency == null) {
            return drop(in, DropReason.NO_ROUTE);
        }
        switch (adjacency.kind()) {
            case LOCAL:
                return punt(in, DropReason.PUNT);
            case DISCARD:
                return drop(in, DropReason.NO_ROUTE);
            default:
                break;
        }
        if ((v4 ? ipv4.ttl() : ipv6.hopLimit()) <= 1) {
            return punt(in, DropReason.TTL);
        }
        if (adjacency.kind() == Adjacency.Kind.TUNNEL) {
            final int tunnelId = adjacency.tunnel().id();
            if (handoffs.foreign(tunnelId)) {
                return handOff(in, handoffs.ownerOf(tunnelId), HandoffRing.ROUTE, virtualRouter);
            }
            return intoTunnel(in, adjacency.tunnel(), v4);
        }
        if (v4) {
            ipv4.decrementTtl();
        } else {
            ipv6.decrementHopLimit();
        }
        final IpAddress nextHop = adjacency.nextHop();
        final long mac;
        if (nextHop != null) {
            mac = nextHop.isV4() ? tables.neighbours().macV4(nextHop.v4())
                    : tables.neighbours().macV6(nextHop.high(), nextHop.low());
        } else {
            mac = v4 ? tables.neighbours().macV4(ipv4.destination())
                    : tables.neighbours().macV6(ipv6.destinationHigh(), ipv6.destinationLow());
        }
        return toPort(in, adjacency.port(), mac, v4);
    }

    private int intoTunnel(final PortContext in, final Tunnel tunnel, final boolean v4) {
        final MemorySegment m = pkt.memory();
        final OutboundSa sa;
        if (v4) {
            final long upper = ipv4.payloadOffset();
            final int protocol = ipv4.protocol();
            sa = tunnel.select(IpAddress.V4, 0, ipv4.source() & 0xFFFF_FFFFL, 0, ipv4.destination() & 0xFFFF_FFFFL,
                    protocol, TransportPorts.of(m, protocol, upper, pkt.end(), ipv4.isFragment(), TransportPorts.SOURCE),
                    TransportPorts.of(m, protocol, upper, pkt.end(), ipv4.isFragment(), TransportPorts.DESTINATION));
        } else {
            final long upper = ipv6.upperOffset();
            final int protocol = ipv6.upperProtocol();
            sa = tunnel.select(IpAddress.V6, ipv6.sourceHigh(), ipv6.sourceLow(), ipv6.destinationHigh(),
                    ipv6.destinationLow(), protocol,
                    TransportPorts.of(m, protocol, upper, pkt.end(), ipv6.isFragment(), TransportPorts.SOURCE),
                    TransportPorts.of(m, protocol, upper, pkt.end(), ipv6.isFragment(), TransportPorts.DESTINATION));
        }
        if (sa == null) {
            // No SA at all: the tunnel is not up. SAs, but none whose proxy ID takes this packet: a selector miss.
            final DropReason reason = tunnel.children().length == 0 ? DropReason.TUNNEL_DOWN : DropReason.SELECTOR;
            tunnel.counters().drop(reason);
            return drop(in, reason);
        }
        if (pkt.length() > tunnel.mtu()) {
            sa.counters().drop(DropReason.MTU);
            tunnel.counters().drop(DropReason.MTU);
            return punt(in, DropReason.MTU);
        }
        if (v4) {
            ipv4.decrementTtl();
        } else {
            ipv6.decrementHopLimit();
        }
        final int innerLength = pkt.length();
        final DropReason failed = encapsulator.encapsulate(pkt, sa);
        if (failed != null) {
            sa.counters().drop(failed);
            tunnel.counters().drop(failed);
            return drop(in, failed);
        }
        sa.counters().out(innerLength);
        tunnel.counters().out(innerLength);
        return toPort(in, sa.egressPort(), sa.nextHopMac(), sa.local().isV4());
    }

    /** Prepends the Ethernet header for the next hop and picks the egress port. */
    private int toPort(final PortContext in, final int portId, final long mac, final boolean v4) {
        final PortContext out = tables.port(portId);
        if (out == null || mac == 0) {
            return punt(in, DropReason.NO_NEIGHBOUR);
        }
        final long start = pkt.start() - EthernetFrame.LENGTH;
        EthernetFrame.write(pkt.memory(), start, mac, out.port().macAddress(),
                v4 ? EthernetFrame.TYPE_IPV4 : EthernetFrame.TYPE_IPV6);
        pkt.set(start, pkt.length() + EthernetFrame.LENGTH);
        return portId;
    }

    /** @param in the port the frame came in by, null for the gateway's own probes (counted on their tunnel) */
    private int drop(final PortContext in, final DropReason reason) {
        if (in != null) {
            in.counters().drop(reason);
        }
        return DROPPED;
    }

    /**
     * Hands what {@link #pkt} describes to the control plane — the whole frame when it is not IP, else the IP
     * packet — counted under {@code reason}.
     */
    private int punt(final PortContext in, final DropReason reason) {
        punt.punt(reason, in == null ? PuntHandler.FROM_GATEWAY : in.port().id(), pkt.memory(), pkt.start(),
                pkt.length());
        return drop(in, reason);
    }
}
