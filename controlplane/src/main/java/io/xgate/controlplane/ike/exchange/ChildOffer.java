package io.xgate.controlplane.ike.exchange;

import io.xgate.controlplane.ike.crypto.ChildSuite;
import io.xgate.controlplane.ike.payload.NotifyType;
import io.xgate.controlplane.ike.payload.Proposal;
import io.xgate.controlplane.ike.payload.TsPayload;
import io.xgate.controlplane.ike.policy.ChildPolicy;

/** The responder's answer to a child SA request: what to accept, or which error to send and why. */
public sealed interface ChildOffer {

    /** {@code answer} carries our inbound SPI; {@code peerSpi} is the peer's, our outbound. */
    record Accepted(ChildPolicy policy, Proposal answer, ChildSuite suite, int peerSpi, TsPayload tsi, TsPayload tsr)
            implements ChildOffer {
    }

    /** {@code explanation} is the admin's line, starting with the notify's name. */
    record Rejected(NotifyType notifyType, String explanation) implements ChildOffer {
    }
}
