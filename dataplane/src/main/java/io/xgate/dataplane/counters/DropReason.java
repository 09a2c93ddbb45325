package io.xgate.dataplane.counters;

/**
 * Why a frame was dropped. One taxonomy for counters, logs and {@code show} output (as VPP's per-SA errors),
 * so an admin reads the same word everywhere.
 */
public enum DropReason {
    /** Frame or header shorter than its headers or than its own length fields claim. */
    RUNT("runt"),
    /** A header field that no valid packet carries (version, lengths, checksum, extension chain). */
    MALFORMED("malformed"),
    /** Something valid that this data plane does not handle (VLAN, IPv4 fragment of ESP, unknown next header). */
    UNSUPPORTED("unsupported"),
    /** Inbound ESP/AH whose SPI has no SA. */
    NO_SA("no-sa"),
    /** Sequence number already seen, or behind the anti-replay window. */
    REPLAY("replay"),
    /** ICV did not verify. */
    INTEGRITY("integrity"),
    /** ESP trailer with a pad length beyond the payload or padding bytes not 1, 2, 3, ... (RFC 4303 §2.4). */
    BAD_PAD("bad-pad"),
    /** Decapsulated packet outside the SA's traffic selectors (proxy IDs). */
    SELECTOR("selector"),
    /** No route for the destination in the port's virtual router. */
    NO_ROUTE("no-route"),
    /** Next hop's link-layer address not yet resolved. */
    NO_NEIGHBOUR("no-neighbour"),
    /** TTL or hop limit expired; handed to the control plane for ICMP time-exceeded. */
    TTL("ttl"),
    /** Encapsulated packet larger than the tunnel MTU or the frame. */
    MTU("mtu"),
    /** RFC 6040: CE on the outer header of a not-ECT inner packet. */
    ECN("ecn"),
    /** Outbound sequence number space exhausted; the SA must be rekeyed. */
    SEQ_EXHAUSTED("seq-exhausted"),
    /** Tunnel has no usable outbound SA (not negotiated yet, or down). */
    TUNNEL_DOWN("tunnel-down"),
    /** RFC 4303 §2.6 dummy packet (next header 59): authentic, discarded as the RFC asks. */
    DUMMY("dummy"),
    /** Addressed to the gateway itself, or needs an ICMP error: handed to the control plane. */
    PUNT("punt"),
    /** No free frame for a packet the worker builds itself (a tunnel-monitor probe). */
    NO_BUFFER("no-buffer"),
    /** Transmit ring full. */
    RING_FULL("ring-full"),
    /**
     * The packet belongs to another worker's SA and could not be handed over: the ring to that worker was full, or
     * the packet had already been handed over once and its route changed meanwhile toward a third worker.
     */
    HANDOFF("handoff");

    private static final DropReason[] VALUES = values();

    private final String label;

    DropReason(final String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static DropReason of(final int ordinal) {
        return VALUES[ordinal];
    }

    public static int count() {
        return VALUES.length;
    }
}
