package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.policy.GatewayPolicy;
import io.xgate.controlplane.ike.sa.IkeSaRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what an engine reported, with copies of the child SA keys taken before the engine wipes them, and each
 * data-plane step in a journal shared by both engines of a pair, to check make-before-break across them.
 */
final class RecordingListener implements IkeListener {
    record Child(EstablishedChild child, byte[] outboundKey, byte[] inboundKey) {
    }

    enum Kind { INBOUND_UP, OUTBOUND_UP, DOWN }

    /** One data-plane step of engine {@code side}: {@code spi} is the SA's own (outbound SPI for OUTBOUND_UP). */
    record Step(String side, Kind kind, int spi, String proxyId) {
    }

    private final String side;
    private final List<Step> journal;
    final List<Child> up = new ArrayList<>();
    int ikeRekeyed;

    RecordingListener(final String side, final List<Step> journal) {
        this.side = side;
        this.journal = journal;
    }
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
        journal.add(new Step(side, Kind.INBOUND_UP, child.sa().inboundSpi(), child.policy().proxyId().name()));
    }

    @Override
    public void outboundSaUp(final EstablishedChild child) {
        up.add(new Child(child, child.sa().outboundEncryptionKey().bytes(), child.sa().inboundEncryptionKey().bytes()));
        journal.add(new Step(side, Kind.OUTBOUND_UP, child.sa().outboundSpi(), child.policy().proxyId().name()));
    }

    @Override
    public void childSaDown(final EstablishedChild child) {
        down.add(child);
        journal.add(new Step(side, Kind.DOWN, child.sa().inboundSpi(), child.policy().proxyId().name()));
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
