package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.message.ExchangeType;
import io.xgate.controlplane.ike.message.IkeDecodeResult;
import io.xgate.controlplane.ike.message.IkeMessage;
import io.xgate.controlplane.ike.payload.NotifyType;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole exchanges between two in-process engines over a fake wire with a test-driven clock: A initiates, B is
 * passive. Failures are checked by the exact line the admin reads.
 */
class IkeExchangeTest {
    private static final int INIT = ExchangeType.IKE_SA_INIT.value();
    private static final int AUTH = ExchangeType.IKE_AUTH.value();
    private static final int CREATE = ExchangeType.CREATE_CHILD_SA.value();
    private static final int INFO = ExchangeType.INFORMATIONAL.value();

    @Test
    void eachProxyIdBecomesAChildSaWithTheSameKeysOnBothSides() {
        final EnginePair pair = new EnginePair(PeerConfig.a(), PeerConfig.b());
        pair.settle();
        assertEquals(List.of(), pair.a.failures);
        assertEquals(List.of(), pair.b.failures);
        assertEquals(2, pair.a.installed().size());
        assertEquals(2, pair.b.installed().size());
        assertEquals(1, pair.wire.sent(AUTH, false).size());
        assertEquals(1, pair.wire.sent(CREATE, false).size(), "the second proxy ID is a CREATE_CHILD_SA");
        for (final RecordingListener.Child ours : pair.a.installed()) {
            final RecordingListener.Child theirs = pair.b.installed().stream()
                .filter(c -> c.child().sa().inboundSpi() == ours.child().sa().outboundSpi()).findFirst().orElseThrow();
            assertEquals(ours.child().sa().inboundSpi(), theirs.child().sa().outboundSpi());
            assertArrayEquals(ours.outboundKey(), theirs.inboundKey());
            assertArrayEquals(ours.inboundKey(), theirs.outboundKey());
            assertEquals(ours.child().policy().proxyId().name(), theirs.child().policy().proxyId().name());
            assertEquals(ours.child().sa().localTs(), theirs.child().sa().remoteTs());
        }
    }

    @Test
    void invalidKePayloadMakesTheInitiatorRetryWithThePeersGroup() {
        final EnginePair pair = new EnginePair(
            PeerConfig.a().ike("{dh-group: [group14, group19], encryption: [aes-256-gcm], hash: [sha256]}"),
            PeerConfig.b());
        pair.settle();
        final List<FakeWire.Datagram> answers = pair.wire.sent(INIT, true);
        assertEquals(2, pair.wire.sent(INIT, false).size());
        assertTrue(plain(answers.getFirst()).findNotify(NotifyType.INVALID_KE_PAYLOAD).isPresent());
        assertEquals(2, pair.a.installed().size());
    }

    @Test
    void aResponderThatRequiresCookiesGetsTheCookieBack() {
        final EnginePair pair = new EnginePair(PeerConfig.a(), PeerConfig.b().requireCookie());
        pair.settle();
        final List<FakeWire.Datagram> requests = pair.wire.sent(INIT, false);
        assertEquals(2, requests.size());
        final byte[] cookie = plain(pair.wire.sent(INIT, true).getFirst()).findNotify(NotifyType.COOKIE).orElseThrow()
            .data().toArray();
        assertArrayEquals(cookie, plain(requests.get(1)).findNotify(NotifyType.COOKIE).orElseThrow().data().toArray());
        assertEquals(2, pair.b.installed().size());
    }

    @Test
    void noProposalChosenIsExplainedOnBothSides() {
        final EnginePair pair = new EnginePair(PeerConfig.a(),
            PeerConfig.b().ike("{dh-group: [group19], encryption: [aes-128-cbc], hash: [sha256]}"));
        pair.settle();
        assertEquals(List.of("NO_PROPOSAL_CHOSEN: we offered aes-128-cbc-sha256/group19, peer offered aes-256-gcm/group19"),
            pair.b.failures);
        assertEquals(List.of("NO_PROPOSAL_CHOSEN: peer 192.0.2.2 accepted none of our IKE proposals: we offered "
            + "aes-256-gcm/group19"), pair.a.failures);
        assertEquals(0, pair.a.ikeUp + pair.b.ikeUp);
    }

    @Test
    void childProposalMismatchLeavesTheIkeSaUpAndSaysWhy() {
        final EnginePair pair = new EnginePair(PeerConfig.a().proxyIds("{name: p1, local: 198.18.1.0/24, remote: 198.18.2.0/24}"),
            PeerConfig.b().esp("{esp: {encryption: [aes-256-cbc], authentication: [sha256]}, dh-group: group19}"));
        pair.settle();
        assertEquals(List.of("NO_PROPOSAL_CHOSEN: we offered aes-256-cbc-sha256, peer offered aes-128-gcm "
            + "(child SA to-peer:p1)"), pair.b.failures);
        assertEquals(List.of("NO_PROPOSAL_CHOSEN: peer 192.0.2.2 refused child SA to-peer:p1: we offered aes-128-gcm"),
            pair.a.failures);
        assertEquals(1, pair.a.ikeUp);
        assertEquals(List.of(), pair.a.installed());
    }

    /**
     * After IKE_SA_INIT every message is protected (RFC 7296 §1.2): a clear-text answer to our outstanding
     * CREATE_CHILD_SA, here a NO_PROPOSAL_CHOSEN anyone on the path could forge, is dropped, and the genuine answer
     * that follows still installs the child SA.
     */
    @Test
    void aClearTextAnswerToAProtectedRequestIsIgnored() {
        final EnginePair pair = new EnginePair(PeerConfig.a(), PeerConfig.b());
        pair.wire.drop(d -> d.exchangeType() == CREATE && d.response());
        pair.settle();
        final FakeWire.Datagram genuine = pair.wire.sent(CREATE, true).getFirst();
        final byte[] forged = new byte[36];
        System.arraycopy(genuine.bytes(), 0, forged, 0, 24); // SPIs, version, exchange, flags, message ID
        forged[16] = 41; // first payload: Notify, in the clear
        forged[27] = 36; // IKE length
        forged[31] = 8; // Notify: payload length 8, protocol 0, SPI size 0
        forged[35] = (byte) NotifyType.NO_PROPOSAL_CHOSEN.value();
        pair.engineA.onDatagram(genuine.from(), genuine.to(), forged);
        assertEquals(List.of(), pair.a.failures);
        pair.engineA.onDatagram(genuine.from(), genuine.to(), genuine.bytes());
        assertEquals(List.of(), pair.a.failures);
        assertEquals(2, pair.a.installed().size());
    }

    @Test
    void everyProxyIdBeyondTheFirstGetsItsOwnCreateChildSaInTurn() {
        final EnginePair pair = new EnginePair(PeerConfig.a().proxyIds(
            "{name: p1, local: 198.18.1.0/24, remote: 198.18.2.0/24}",
            "{name: p2, local: 198.18.11.0/24, remote: 198.18.12.0/24}",
            "{name: p3, local: 198.18.21.0/24, remote: 198.18.22.0/24}",
            "{name: p4, local: 198.18.31.0/24, remote: 198.18.32.0/24}"), PeerConfig.b().proxyIds(
            "{name: p1, local: 198.18.2.0/24, remote: 198.18.1.0/24}",
            "{name: p2, local: 198.18.12.0/24, remote: 198.18.11.0/24}",
            "{name: p3, local: 198.18.22.0/24, remote: 198.18.21.0/24}",
            "{name: p4, local: 198.18.32.0/24, remote: 198.18.31.0/24}"));
        pair.settle();
        assertEquals(List.of("p1", "p2", "p3", "p4"), pair.a.installed().stream()
            .map(c -> c.child().policy().proxyId().name()).sorted().toList());
        assertEquals(4, pair.b.installed().size(), "no child the initiator forgot stays at the responder");
        assertEquals(3, pair.wire.sent(ExchangeType.CREATE_CHILD_SA.value(), false).size());
    }

    @Test
    void tsUnacceptableNamesBothSidesSelectors() {
        final EnginePair pair = new EnginePair(PeerConfig.a(), PeerConfig.b().proxyIds(
            "{name: p1, local: 198.18.2.0/24, remote: 198.18.3.0/24}",
            "{name: p2, local: 198.18.12.0/24, remote: 198.18.11.0/24}"));
        pair.settle();
        assertEquals(List.of("TS_UNACCEPTABLE: proxy-id p1 198.18.2.0/24<->198.18.3.0/24 any; peer allows "
            + "198.18.2.0/24<->198.18.1.0/24 any; TS_UNACCEPTABLE: proxy-id p2 198.18.12.0/24<->198.18.11.0/24 any; "
            + "peer allows 198.18.2.0/24<->198.18.1.0/24 any"), pair.b.failures);
        assertEquals(List.of("TS_UNACCEPTABLE: peer 192.0.2.2 refused child SA to-peer:p1: we proposed "
            + "198.18.1.0/24<->198.18.2.0/24 any"), pair.a.failures);
        assertEquals(1, pair.a.installed().size(), "p2 still comes up");
    }

    @Test
    void authenticationFailedSaysWhichKeyOrIdDiffers() {
        final EnginePair psk = new EnginePair(PeerConfig.a().psk("wrong"), PeerConfig.b());
        psk.settle();
        assertEquals(List.of("AUTHENTICATION_FAILED: the AUTH of peer 192.0.2.1 (ID fqdn:a.example) does not verify "
            + "with gateway gw's pre-shared key: the two sides are configured with different keys"), psk.b.failures);
        assertEquals(List.of("AUTHENTICATION_FAILED: peer 192.0.2.2 rejected our AUTH: check that both sides have the "
            + "same pre-shared key and that the peer expects our local-id fqdn:a.example"), psk.a.failures);
        assertEquals(0, psk.a.ikeUp + psk.b.ikeUp);

        final EnginePair id = new EnginePair(PeerConfig.a(), PeerConfig.b().peerId("*.other.example"));
        id.settle();
        assertEquals(List.of("AUTHENTICATION_FAILED: peer 192.0.2.1 presented ID fqdn:a.example, gateway gw expects "
            + "peer-id fqdn:*.other.example (wildcard)"), id.b.failures);
        final EnginePair wildcard = new EnginePair(PeerConfig.a(), PeerConfig.b().peerId("*.example"));
        wildcard.settle();
        assertEquals(2, wildcard.b.installed().size());
    }

    @Test
    void lostResponsesAreRetransmittedAndDuplicatesAnsweredFromTheCache() {
        final EnginePair pair = new EnginePair(PeerConfig.a(), PeerConfig.b());
        final boolean[] dropped = {false};
        pair.wire.drop(d -> d.exchangeType() == AUTH && d.response() && !dropped[0] && (dropped[0] = true));
        pair.settle();
        assertEquals(0, pair.a.ikeUp);
        pair.advance(1);
        final List<FakeWire.Datagram> requests = pair.wire.sent(AUTH, false);
        final List<FakeWire.Datagram> answers = pair.wire.sent(AUTH, true);
        assertEquals(2, requests.size());
        assertArrayEquals(requests.get(0).bytes(), requests.get(1).bytes(), "a retransmission is byte-identical");
        assertArrayEquals(answers.get(0).bytes(), answers.get(1).bytes(), "the duplicate gets the cached answer");
        assertEquals(1, pair.b.ikeUp, "the duplicate did not create anything");
        assertEquals(2, pair.a.installed().size());
    }

    @Test
    void sessionTimersAreLookedAtOncePerTenMillisecondsAtMost() {
        final EnginePair pair = new EnginePair(PeerConfig.a(), PeerConfig.b());
        pair.wire.drop(d -> true);
        pair.settle();
        final long fiveMilliseconds = TimeUnit.MILLISECONDS.toNanos(5);
        pair.clock.advance(TimeUnit.SECONDS.toNanos(1) - fiveMilliseconds);
        pair.settle();
        assertEquals(1, pair.wire.sent(INIT, false).size(), "not due yet");
        pair.clock.advance(fiveMilliseconds);
        pair.settle();
        assertEquals(1, pair.wire.sent(INIT, false).size(), "due, but the sessions were visited 5 ms ago");
        pair.clock.advance(fiveMilliseconds);
        pair.settle();
        assertEquals(2, pair.wire.sent(INIT, false).size(), "retransmitted by the next visit, 10 ms after the last");
    }

    @Test
    void anUnansweringPeerIsGivenUpAfterTheBackoff() {
        final EnginePair pair = new EnginePair(PeerConfig.a(), PeerConfig.b());
        pair.wire.drop(d -> true);
        pair.settle();
        for (int second = 0; second < 16; second++) {
            pair.advance(1);
        }
        assertEquals(4, pair.wire.sent(INIT, false).size(), "first send + 3 retransmits at 1, 2, 4 s");
        assertEquals(List.of("no answer from peer /192.0.2.2:500 to IKE_SA_INIT after 4 transmissions: check "
            + "peer-address, that the peer speaks IKEv2 and that UDP 500 and 4500 pass"), pair.a.failures);
        pair.wire.drop(d -> false);
        pair.advance(10);
        assertEquals(2, pair.a.installed().size(), "reconnected after the reconnect delay");
    }

    @Test
    void livenessChecksAreAnsweredAndDeletesRemoveChildAndIkeSas() {
        final EnginePair pair = new EnginePair(PeerConfig.a(), PeerConfig.b());
        pair.settle();
        final int informational = pair.wire.sent(INFO, true).size();
        pair.advance(6);
        assertTrue(pair.wire.sent(INFO, true).size() > informational, "empty INFORMATIONAL answered");
        assertEquals(2, pair.b.installed().size());

        pair.advance(3600);
        assertEquals(4, pair.b.down.size() + pair.b.installed().size(), "expired children deleted and re-created");
        assertEquals(2, pair.b.down.size());
        assertEquals(2, pair.a.installed().size());

        pair.engineA.close();
        pair.wire.pump();
        assertEquals(1, pair.b.ikeDown);
        assertEquals(List.of(), pair.b.installed());
    }

    @Test
    void aNatBetweenThePeersMovesIkeTo4500AndEspIntoUdp() {
        final EnginePair pair = new EnginePair(PeerConfig.a(), PeerConfig.b());
        // A NAT in front of A maps its ports 500 and 4500 to 40500 and 44500, both ways.
        pair.wire.nat(d -> d.from().getAddress().equals(EnginePair.A)
            ? new FakeWire.Datagram(new InetSocketAddress(EnginePair.A, d.from().getPort() + 40000), d.to(), d.bytes(),
                d.keepalive())
            : new FakeWire.Datagram(d.from(), new InetSocketAddress(EnginePair.A, d.to().getPort() - 40000), d.bytes(),
                d.keepalive()));
        pair.settle();
        assertEquals(2, pair.a.installed().size());
        assertTrue(pair.wire.sent(AUTH, false).stream().allMatch(d -> d.to().getPort() == IkePorts.NAT_T));
        final EstablishedChild ours = pair.a.installed().getFirst().child();
        final EstablishedChild theirs = pair.b.installed().getFirst().child();
        assertEquals(List.of(4500, 4500), List.of(ours.udpSourcePort(), ours.udpDestinationPort()));
        assertEquals(List.of(4500, 44500), List.of(theirs.udpSourcePort(), theirs.udpDestinationPort()),
            "B sends to the port the NAT mapped");
        pair.advance(1);
        assertTrue(pair.wire.sent.stream().anyMatch(FakeWire.Datagram::keepalive));
    }

    private static IkeMessage plain(final FakeWire.Datagram datagram) {
        return ((IkeDecodeResult.Ok) IkeMessage.decode(datagram.bytes())).message();
    }
}
