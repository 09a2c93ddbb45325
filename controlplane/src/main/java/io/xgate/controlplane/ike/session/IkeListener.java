package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.policy.GatewayPolicy;
import io.xgate.controlplane.ike.sa.IkeSaRecord;

/** What the engine tells its owner (the daemon programs the data plane; tests record). Called on the engine's thread. */
public interface IkeListener {

    void ikeSaUp(GatewayPolicy gateway, IkeSaRecord sa);

    void ikeSaDown(GatewayPolicy gateway, IkeSaRecord sa);

    /** Program both SAs; the record's keys are wiped once this returns. */
    void childSaUp(EstablishedChild child);

    void childSaDown(EstablishedChild child);

    /** A negotiation failed: one line an admin can act on, already logged. */
    void failed(String gateway, String explanation);
}
