package io.xgate.dataplane.route;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.sa.Tunnel;

/**
 * Where a route sends a packet: into a tunnel, out of a port (to a next hop, or to the destination itself on a
 * connected network), or to the gateway itself.
 */
public final class Adjacency {
    public enum Kind { TUNNEL, PORT, LOCAL, DISCARD }

    private final Kind kind;
    private final Tunnel tunnel;
    private final int port;
    private final IpAddress nextHop;

    private Adjacency(final Kind kind, final Tunnel tunnel, final int port, final IpAddress nextHop) {
        this.kind = kind;
        this.tunnel = tunnel;
        this.port = port;
        this.nextHop = nextHop;
    }

    public static Adjacency tunnel(final Tunnel tunnel) {
        return new Adjacency(Kind.TUNNEL, tunnel, -1, null);
    }

    /** @param nextHop the gateway to hand the packet to, or null when the destination is on the port's network */
    public static Adjacency port(final int port, final IpAddress nextHop) {
        return new Adjacency(Kind.PORT, null, port, nextHop);
    }

    public static Adjacency local() {
        return new Adjacency(Kind.LOCAL, null, -1, null);
    }

    public static Adjacency discard() {
        return new Adjacency(Kind.DISCARD, null, -1, null);
    }

    public Kind kind() {
        return kind;
    }

    public Tunnel tunnel() {
        return tunnel;
    }

    public int port() {
        return port;
    }

    public IpAddress nextHop() {
        return nextHop;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case TUNNEL -> "tunnel " + tunnel.name();
            case PORT -> "port " + port + (nextHop == null ? " (connected)" : " via " + nextHop);
            case LOCAL -> "local";
            case DISCARD -> "discard";
        };
    }
}
