package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.policy.GatewayPolicy;
import io.xgate.controlplane.ike.sa.IkeSaRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what an engine reported, with copies of the child SA keys taken before the engine wipes them, and the order
 * of data-plane steps ("in 0x..", "out 0x..", "down 0x..": inbound SPIs) to check make-before-break.
 */
final class RecordingListener implements IkeListener {
    record Child(EstablishedChild child, byte[] outboundKey, byte[] inboundKey) {
    }

    final List<Child> up = new ArrayList<>();
    final List<EstablishedChild> inbound = new ArrayList<>();
    final List<String> steps = new ArrayList<>();
    int ikeRekeyed;
    final List<EstablishedChild> down = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    int ikeUp;
    int ikeDown;

    @Override
    public void ikeSaUp(final GatewayPolicy gateway, final IkeSaRecord sa) {
        ikeUp++;
    }

    @Override
    public void ikeSaRekeyed(final GatewayPolicy gateway, final IkeSaRecord old, final IkeSaRecord replacement) {
        ikeRekeyed++;
    }

    @Override
    public void ikeSaDown(final GatewayPolicy gateway, final IkeSaRecord sa) {
        ikeDown++;
    }

    @Override
    public void inboundSaUp(final EstablishedChild child) {
        inbound.add(child);
        steps.add(step("in", child));
    }

    @Override
    public void outboundSaUp(final EstablishedChild child) {
        up.add(new Child(child, child.sa().outboundEncryptionKey().bytes(), child.sa().inboundEncryptionKey().bytes()));
        steps.add(step("out", child));
    }

    @Override
    public void childSaDown(final EstablishedChild child) {
        down.add(child);
        steps.add(step("down", child));
    }

    static String step(final String what, final EstablishedChild child) {
        return String.format("%s 0x%08x", what, child.sa().inboundSpi());
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
