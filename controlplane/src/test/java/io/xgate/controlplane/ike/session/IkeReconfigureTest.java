package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.message.ExchangeType;
import io.xgate.controlplane.ike.policy.GatewayPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine following commits and operational commands without touching more than asked: renegotiating one
 * tunnel, dropping a tunnel's children, removing a gateway, the admin's initiate and delete.
 */
class IkeReconfigureTest {
    private static final int INIT = ExchangeType.IKE_SA_INIT.value();
    private static final int CREATE = ExchangeType.CREATE_CHILD_SA.value();

    @Test
    void renegotiatingATunnelReplacesOnlyItsChildSasOnTheSameIkeSa() {
        final EnginePair pair = established();
        final List<Integer> before = inboundSpis(pair.a);
        final String tunnel = pair.a.installed().getFirst().child().policy().tunnel().name();
        final long ofTunnel = pair.a.installed().stream()
            .filter(c -> c.child().policy().tunnel().name().equals(tunnel)).count();
        final int creates = pair.wire.sent(CREATE, false).size();
        assertTrue(pair.engineA.renegotiate(tunnel, "wait-recover"));
        pair.settle();
        assertEquals(1, pair.wire.sent(INIT, false).size(), "no new IKE SA");
        assertEquals(ofTunnel, pair.wire.sent(CREATE, false).size() - creates, "one CREATE_CHILD_SA per child");
        assertEquals(before.size(), pair.a.installed().size(), "each new child replaced an old one");
        assertTrue(inboundSpis(pair.a).stream().noneMatch(before::contains), "the old children were deleted");
        assertEquals(inboundSpis(pair.a).size(), pair.b.installed().size());
        assertFalse(pair.engineA.renegotiate("no-such-tunnel", "test"));
    }

    @Test
    void aGatewayWithFewerChildrenDeletesTheDroppedOnesAndKeepsItsIkeSa() {
        final EnginePair pair = established();
        final GatewayPolicy g = pair.engineA.sessions().getFirst().gateway();
        pair.engineA.updateChildren(new GatewayPolicy(g.gateway(), g.ikeProfile(), g.localAddress(), g.peerAddress(),
            g.authenticator(), g.children().subList(0, 1)));
        pair.settle();
        assertEquals(1, pair.a.installed().size());
        assertEquals(1, pair.b.installed().size(), "the peer was told");
        assertEquals(1, pair.wire.sent(INIT, false).size());
        assertEquals(0, pair.a.ikeDown);
    }

    @Test
    void aChildItsOwnerCouldNotProgramIsDeletedAtThePeerAndTheIkeSaCarriesOn() {
        final EnginePair pair = established();
        final EstablishedChild refused = pair.b.installed().getFirst().child();
        final String kept = pair.b.installed().getLast().child().policy().tunnel().name();
        assertTrue(pair.engineB.deleteChild(refused, "the counters file is full"));
        assertFalse(pair.engineB.deleteChild(refused, "asked twice"), "already being deleted");
        pair.settle();
        assertEquals(1, pair.b.installed().size());
        assertEquals(1, pair.a.installed().size(), "the peer was told");
        assertTrue(pair.a.down.stream().anyMatch(c -> c.sa().outboundSpi() == refused.sa().inboundSpi()));
        assertEquals(0, pair.a.ikeDown + pair.b.ikeDown, "the IKE SA stays");
        assertFalse(pair.engineB.deleteChild(refused, "gone"));

        assertTrue(pair.engineA.renegotiate(kept, "the engines still negotiate"));
        pair.settle();
        assertEquals(1, pair.a.installed().size());
        assertEquals(1, pair.b.installed().size());
        assertEquals(1, pair.wire.sent(INIT, false).size());
    }

    @Test
    void aRemovedGatewayDeletesItsIkeSaAtThePeerAndDoesNotReconnect() {
        final EnginePair pair = established();
        pair.engineA.removeGateway(pair.engineA.sessions().getFirst().gateway().name(), "no longer configured");
        pair.advance(60);
        assertEquals(List.of(), pair.a.installed());
        assertEquals(List.of(), pair.b.installed(), "the peer was told");
        assertEquals(1, pair.wire.sent(INIT, false).size());
    }

    @Test
    void theAdminDeletesWithAnAnsweredDeleteAndInitiatesAnew() {
        final EnginePair pair = established();
        final String gateway = pair.engineA.sessions().getFirst().gateway().name();
        assertFalse(pair.engineA.initiate(gateway), "it has an IKE SA");
        assertTrue(pair.engineA.delete(gateway, "cleared"));
        pair.settle();
        assertTrue(pair.engineA.sessionOf(gateway).isEmpty());
        assertEquals(List.of(), pair.b.installed());
        assertTrue(pair.engineA.initiate(gateway));
        pair.settle();
        assertEquals(2, pair.a.installed().size());
        assertEquals(2, pair.wire.sent(INIT, false).size());
    }

    private static EnginePair established() {
        final EnginePair pair = new EnginePair(PeerConfig.a(), PeerConfig.b());
        pair.settle();
        assertEquals(2, pair.a.installed().size());
        return pair;
    }

    private static List<Integer> inboundSpis(final RecordingListener listener) {
        return listener.installed().stream().map(c -> c.child().sa().inboundSpi()).toList();
    }
}
