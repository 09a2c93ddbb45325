package io.xgate.controlplane.ike.sa;

/**
 * What NAT detection (RFC 7296 §2.23) found: whether the peer saw our packets from another address than ours
 * ({@code localBehindNat}) or we see the peer's from another than it claims ({@code peerBehindNat}).
 * strongSwan with kernel-libipsec fakes the latter on purpose, to get ESP in UDP.
 */
public record NatState(boolean localBehindNat, boolean peerBehindNat) {
    public static final NatState NONE = new NatState(false, false);

    public boolean detected() {
        return localBehindNat || peerBehindNat;
    }

    @Override
    public String toString() {
        return !detected() ? "no NAT" : localBehindNat && peerBehindNat ? "NAT on both sides"
            : localBehindNat ? "we are behind a NAT" : "peer is behind a NAT";
    }
}
