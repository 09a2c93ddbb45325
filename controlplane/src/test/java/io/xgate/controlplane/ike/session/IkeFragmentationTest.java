package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.message.ExchangeType;
import io.xgate.controlplane.ike.message.IkeDecodeResult;
import io.xgate.controlplane.ike.message.IkeHeader;
import io.xgate.controlplane.ike.message.IkeMessage;
import io.xgate.controlplane.ike.payload.NotifyPayload;
import io.xgate.controlplane.ike.payload.NotifyType;
import io.xgate.controlplane.ike.payload.PayloadType;
import io.xgate.controlplane.ike.policy.GatewayPolicy;
import io.xgate.controlplane.ike.wire.Bytes;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IKE fragmentation (RFC 7383) between two in-process engines whose fragments may make 200-byte IPv4 datagrams (172
 * bytes of IKE message on port 500), so IKE_AUTH and CREATE_CHILD_SA are split both ways.
 */
class IkeFragmentationTest {
    private static final int INIT = ExchangeType.IKE_SA_INIT.value();
    private static final int AUTH = ExchangeType.IKE_AUTH.value();
    private static final int CREATE = ExchangeType.CREATE_CHILD_SA.value();
    private static final int MAX_MESSAGE = 172;
    static final IkeTiming SMALL_FRAGMENTS = EnginePair.timing(new Fragmentation(200, 1280,
        TimeUnit.SECONDS.toNanos(30)));
    private static final String P1_A = "{name: p1, local: 198.18.1.0/24, remote: 198.18.2.0/24}";
    private static final String P1_B = "{name: p1, local: 198.18.2.0/24, remote: 198.18.1.0/24}";

    @Test
    void fragmentSizesLeaveRoomForIpUdpAndTheNonEspMarker() {
        final InetAddress v6 = InetAddress.ofLiteral("2001:db8::1");
        assertEquals(548, Fragmentation.DEFAULT.maxMessage(new InetSocketAddress(EnginePair.A, IkePorts.IKE)));
        assertEquals(544, Fragmentation.DEFAULT.maxMessage(new InetSocketAddress(EnginePair.A, IkePorts.NAT_T)));
        assertEquals(1232, Fragmentation.DEFAULT.maxMessage(new InetSocketAddress(v6, IkePorts.IKE)));
        assertEquals(1228, Fragmentation.DEFAULT.maxMessage(new InetSocketAddress(v6, IkePorts.NAT_T)));
    }

    @Test
    void bothSidesSplitWhatDoesNotFitAndTheSaAndItsChildrenComeUp() {
        final EnginePair pair = new EnginePair(PeerConfig.a().fragmenting(), PeerConfig.b().fragmenting(),
            SMALL_FRAGMENTS);
        pair.settle();
        assertEquals(List.of(), pair.a.failures);
        assertEquals(List.of(), pair.b.failures);
        assertEquals(2, pair.a.installed().size());
        assertEquals(2, pair.b.installed().size());
        assertTrue(offersFragmentation(pair.wire.sent(INIT, false).getFirst()));
        assertTrue(offersFragmentation(pair.wire.sent(INIT, true).getFirst()));
        for (final int exchange : new int[] {AUTH, CREATE}) {
            for (final boolean response : new boolean[] {false, true}) {
                final List<FakeWire.Datagram> sent = pair.wire.sent(exchange, response);
                assertTrue(sent.size() > 1, exchange + (response ? " response" : " request") + " in " + sent.size());
                for (final FakeWire.Datagram d : sent) {
                    assertTrue(skf(d) && d.bytes().length <= MAX_MESSAGE, "an SKF datagram of " + d.bytes().length);
                    assertEquals(sent.size(), ByteBuffer.wrap(d.bytes()).getShort(34), "total fragments");
                }
            }
        }
        assertTrue(pair.engineA.sessionOf("gw").orElseThrow().sa().fragmentation());
        assertTrue(pair.engineB.sessionOf("gw").orElseThrow().sa().fragmentation());
    }

    @Test
    void withOneSideOnlyNothingIsSplitAndFragmentsAreDropped() {
        for (final boolean initiatorOffers : new boolean[] {true, false}) {
            final PeerConfig a = PeerConfig.a();
            final PeerConfig b = PeerConfig.b();
            final EnginePair pair = new EnginePair(initiatorOffers ? a.fragmenting() : a.policies(),
                initiatorOffers ? b.policies() : b.fragmenting(), SMALL_FRAGMENTS);
            pair.settle();
            assertEquals(initiatorOffers, offersFragmentation(pair.wire.sent(INIT, false).getFirst()));
            assertFalse(offersFragmentation(pair.wire.sent(INIT, true).getFirst()), "answered only when offered");
            assertEquals(1, pair.wire.sent(AUTH, false).size());
            assertFalse(skf(pair.wire.sent(AUTH, false).getFirst()));
            assertEquals(2, pair.b.installed().size());

            final IkeSession sessionA = pair.engineA.sessionOf("gw").orElseThrow();
            final IkeSession sessionB = pair.engineB.sessionOf("gw").orElseThrow();
            assertFalse(sessionA.sa().fragmentation());
            final IkeHeader header = IkeHeader.of(sessionA.sa().initiatorSpi(), sessionA.sa().responderSpi(),
                ExchangeType.INFORMATIONAL, true, false, sessionB.sa().nextPeerRequestId());
            final List<byte[]> fragments = IkeMessage.protectedBySk(header,
                List.of(NotifyPayload.of(NotifyType.INITIAL_CONTACT, Bytes.of(new byte[300])))).encodeFragments(
                sessionA.sa().keys(), EnginePair.seeded(9), MAX_MESSAGE);
            final int sent = pair.wire.sent.size();
            fragments.forEach(f -> pair.engineB.onDatagram(sessionA.sa().local(), sessionA.sa().remote(), f));
            assertEquals(fragments.size(), sessionB.droppedFragments(), "authentic, but not negotiated");
            assertEquals(sent, pair.wire.sent.size(), "nothing answered");
        }
    }

    @Test
    void aLostFragmentIsRecoveredByRetransmittingEveryFragment() {
        final EnginePair pair = new EnginePair(PeerConfig.a().fragmenting(), PeerConfig.b().fragmenting(),
            SMALL_FRAGMENTS);
        final boolean[] lost = {false};
        pair.wire.drop(d -> !lost[0] && d.exchangeType() == AUTH && !d.response() && fragmentNumber(d) == 2
            && (lost[0] = true));
        pair.settle();
        final int fragments = pair.wire.sent(AUTH, false).size();
        assertEquals(0, pair.wire.sent(AUTH, true).size(), "the responder waits for the missing fragment");
        assertTrue(pair.engineB.sessions().getFirst().sa().fragmentation());

        pair.advance(1);
        final List<FakeWire.Datagram> requests = pair.wire.sent(AUTH, false);
        assertEquals(2 * fragments, requests.size(), "all fragments again");
        for (int i = 0; i < fragments; i++) {
            assertArrayEquals(requests.get(i).bytes(), requests.get(fragments + i).bytes(), "byte for byte");
        }
        assertEquals(2, pair.a.installed().size());
        assertEquals(2, pair.b.installed().size());
        assertEquals(List.of(), pair.b.failures);
    }

    @Test
    void aForgedFragmentDoesNotSpoilTheMessageItClaimsToBePartOf() {
        final EnginePair pair = new EnginePair(PeerConfig.a().fragmenting(), PeerConfig.b().fragmenting(),
            SMALL_FRAGMENTS);
        pair.wire.drop(d -> d.exchangeType() == AUTH && !d.response() && fragmentNumber(d) == 2);
        pair.settle();
        final FakeWire.Datagram genuine = pair.wire.sent(AUTH, false).get(1);
        final byte[] forged = genuine.bytes().clone();
        forged[forged.length - 5] ^= 0x40;
        pair.wire.drop(d -> false);
        pair.engineB.onDatagram(genuine.from(), genuine.to(), forged);
        pair.engineB.onDatagram(genuine.from(), genuine.to(), genuine.bytes());
        pair.settle();
        assertEquals(2, pair.b.installed().size(), "the genuine fragment completed the message, no retransmission");
        assertEquals(List.of(), pair.a.failures);
    }

    @Test
    void aRetransmittedFirstFragmentOfAnAnsweredRequestGetsEveryFragmentOfTheAnswer() {
        final EnginePair pair = new EnginePair(PeerConfig.a().proxyIds(P1_A).fragmenting(),
            PeerConfig.b().proxyIds(P1_B).fragmenting(), SMALL_FRAGMENTS);
        pair.settle();
        assertEquals(1, pair.b.installed().size());
        final List<FakeWire.Datagram> requests = pair.wire.sent(AUTH, false);
        final int answers = pair.wire.sent(AUTH, true).size();

        for (final FakeWire.Datagram later : requests.subList(1, requests.size())) {
            pair.engineB.onDatagram(later.from(), later.to(), later.bytes());
        }
        assertEquals(answers, pair.wire.sent(AUTH, true).size(), "only fragment 1 asks for the answer again");
        pair.engineB.onDatagram(requests.getFirst().from(), requests.getFirst().to(), requests.getFirst().bytes());
        final List<FakeWire.Datagram> sent = pair.wire.sent(AUTH, true);
        assertEquals(2 * answers, sent.size());
        for (int i = 0; i < answers; i++) {
            assertArrayEquals(sent.get(i).bytes(), sent.get(answers + i).bytes(), "the cached fragments");
        }
    }

    @Test
    void anIkeSaRekeyKeepsFragmentation() {
        final String ike3Minutes = "{dh-group: [group19], encryption: [aes-256-gcm], hash: [sha256], lifetime: {minutes: 3}}";
        final EnginePair pair = new EnginePair(PeerConfig.a().proxyIds(P1_A).ike(ike3Minutes).fragmenting(),
            PeerConfig.b().proxyIds(P1_B).ike(ike3Minutes).fragmenting(), SMALL_FRAGMENTS);
        pair.settle();
        for (int s = 0; s < 180 && pair.a.ikeRekeyed == 0; s++) {
            pair.advance(1);
        }
        assertEquals(1, pair.a.ikeRekeyed);
        final GatewayPolicy gateway = pair.engineA.sessionOf("gw").orElseThrow().gateway();
        assertTrue(pair.engineA.sessionOf(gateway).orElseThrow().sa().fragmentation());
        assertTrue(pair.wire.sent(CREATE, false).stream().allMatch(IkeFragmentationTest::skf),
            "the rekey's KE and nonce made the request too large for one datagram");
        assertEquals(List.of(), pair.a.failures);
        assertEquals(List.of(), pair.b.failures);
    }

    static boolean skf(final FakeWire.Datagram d) {
        return (d.bytes()[16] & 0xFF) == PayloadType.SKF.value();
    }

    /** Fragment Number, right after the SKF generic header. */
    private static int fragmentNumber(final FakeWire.Datagram d) {
        return skf(d) ? ByteBuffer.wrap(d.bytes()).getShort(IkeHeader.LENGTH + 4) : 0;
    }

    private static boolean offersFragmentation(final FakeWire.Datagram init) {
        final IkeDecodeResult.Ok ok = (IkeDecodeResult.Ok) IkeMessage.decode(init.bytes());
        return ok.message().findNotify(NotifyType.IKEV2_FRAGMENTATION_SUPPORTED).isPresent();
    }
}
