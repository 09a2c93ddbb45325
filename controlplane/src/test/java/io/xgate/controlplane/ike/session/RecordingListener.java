package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.policy.GatewayPolicy;
import io.xgate.controlplane.ike.sa.IkeSaRecord;

import java.util.ArrayList;
import java.util.List;

/** Keeps what an engine reported, with copies of the child SA keys taken before the engine wipes them. */
final class RecordingListener implements IkeListener {
    record Child(EstablishedChild child, byte[] outboundKey, byte[] inboundKey) {
    }

    final List<Child> up = new ArrayList<>();
    final List<EstablishedChild> down = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    int ikeUp;
    int ikeDown;

    @Override
    public void ikeSaUp(final GatewayPolicy gateway, final IkeSaRecord sa) {
        ikeUp++;
    }

    @Override
    public void ikeSaDown(final GatewayPolicy gateway, final IkeSaRecord sa) {
        ikeDown++;
    }

    @Override
    public void childSaUp(final EstablishedChild child) {
        up.add(new Child(child, child.sa().outboundEncryptionKey().bytes(), child.sa().inboundEncryptionKey().bytes()));
    }

    @Override
    public void childSaDown(final EstablishedChild child) {
        down.add(child);
    }

    @Override
    public void failed(final String gateway, final String explanation) {
        failures.add(explanation);
    }

    /** Child SAs up and not yet down. */
    List<Child> installed() {
        return up.stream().filter(c -> down.stream().noneMatch(d -> d.sa().inboundSpi() == c.child().sa().inboundSpi()))
            .toList();
    }
}
