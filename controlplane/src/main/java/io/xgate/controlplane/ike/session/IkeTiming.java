package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.sa.RetransmitPolicy;

import java.util.concurrent.TimeUnit;

/**
 * The engine's clocks and limits. Half-open SAs (IKE_SA_INIT answered, no IKE_AUTH yet) are capped and expire;
 * past {@code cookieThreshold} of them every new initiator must return a cookie (RFC 7296 §2.6). After a child SA
 * is rekeyed, its inbound SA keeps receiving for {@code rekeyGraceNanos} (packets the peer sent before it switched);
 * a rekey responder switches its outbound SA when the initiator deletes the old one, or after that grace at the latest.
 * {@code fragments} sizes the SKF fragments of IKE SAs that negotiated fragmentation.
 */
public record IkeTiming(RetransmitPolicy retransmit, long halfOpenNanos, int maxHalfOpen, int cookieThreshold,
                        long reconnectNanos, long rekeyGraceNanos, Fragmentation fragments) {

    public static final IkeTiming DEFAULT = new IkeTiming(RetransmitPolicy.DEFAULT, TimeUnit.SECONDS.toNanos(30), 256,
        64, TimeUnit.SECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(5), Fragmentation.DEFAULT);
}
