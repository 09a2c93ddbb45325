package io.xgate.controlplane.ike.payload;

/** Which end of the IKE SA a payload speaks for: IDi/IDr, TSi/TSr. */
public enum Role {
    INITIATOR, RESPONDER
}
