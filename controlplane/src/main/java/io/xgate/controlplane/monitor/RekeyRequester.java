package io.xgate.controlplane.monitor;

/**
 * Asked by {@code wait-recover} when a tunnel goes down: renegotiate its keys while the routes stay. The IKE
 * engine implements it; manual-key tunnels have no negotiation, so theirs only records that the keys stay.
 */
@FunctionalInterface
public interface RekeyRequester {
    void requestRekey(String tunnel, String reason);
}
