package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.policy.GatewayPolicy;
import io.xgate.controlplane.ike.sa.IkeSaRecord;

/**
 * What the engine tells its owner (the daemon programs the data plane; tests record). Called on the engine's thread.
 * A child SA pair arrives make-before-break: {@link #inboundSaUp} first, {@link #outboundSaUp} when the peer is
 * known to receive on it; a rekey's successor replaces the outbound SA of the same proxy ID.
 */
public interface IkeListener {

    void ikeSaUp(GatewayPolicy gateway, IkeSaRecord sa);

    /** {@code replacement} took over from {@code old} (and its child SAs); {@code old} is deleted next. */
    void ikeSaRekeyed(GatewayPolicy gateway, IkeSaRecord old, IkeSaRecord replacement);

    void ikeSaDown(GatewayPolicy gateway, IkeSaRecord sa);

    /** Program the inbound SA of the pair (the record's keys stay valid until {@link #outboundSaUp}). */
    void inboundSaUp(EstablishedChild child);

    /** Send with this pair from now on, replacing the proxy ID's previous outbound SA; the keys are wiped after. */
    void outboundSaUp(EstablishedChild child);

    /** Remove both SAs of the pair (an outbound SA already replaced by a successor is simply gone). */
    void childSaDown(EstablishedChild child);

    /** A negotiation failed: one line an admin can act on, already logged. */
    void failed(String gateway, String explanation);
}
