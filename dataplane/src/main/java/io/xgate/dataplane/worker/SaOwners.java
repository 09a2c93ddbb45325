package io.xgate.dataplane.worker;

/**
 * Which worker owns a tunnel: its outbound SAs, its inbound SAs and its counters, so that sequence numbers,
 * replay windows and counters each have one writer. Owning in and out together keeps the inbound path's own
 * uses of the tunnel (answering an echo into it, counting on it) on the owner. A pure function of the tunnel id,
 * so the control plane and every worker agree without talking: tunnel ids are small and dense (tunnel.N), which
 * spreads consecutive tunnels across the workers.
 */
public final class SaOwners {
    private SaOwners() {
    }

    /** The index of the worker that owns tunnel {@code tunnelId} among {@code workers}. */
    public static int ofTunnel(final int tunnelId, final int workers) {
        return Math.floorMod(tunnelId, workers);
    }
}
