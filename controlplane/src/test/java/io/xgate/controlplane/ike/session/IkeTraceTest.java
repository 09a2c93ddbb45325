package io.xgate.controlplane.ike.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.controlplane.config.ConfigLoader;
import io.xgate.controlplane.config.LoadResult;
import io.xgate.controlplane.ike.message.ExchangeType;
import io.xgate.controlplane.ike.policy.GatewayPolicy;
import io.xgate.controlplane.ike.policy.IkePolicies;
import io.xgate.controlplane.ike.trace.IkeTraceLine;
import io.xgate.controlplane.ike.trace.IkeTracing;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.agrona.concurrent.CachedNanoClock;
import org.junit.jupiter.api.Test;

/**
 * {@code debug ike gateway G on} between in-process engines: the traced gateway's every message and decision, no
 * line of any other gateway, and nothing secret in any line.
 */
class IkeTraceTest {
    private static final InetAddress C = InetAddress.ofLiteral("192.0.2.3");
    private static final int AUTH = ExchangeType.IKE_AUTH.value();
    private static final String PSK = "Trace-Psk-7f3a91";
    /** Runs of 16 or more hex digits: where a key or nonce would show. */
    private static final Pattern LONG_HEX = Pattern.compile("[0-9a-fA-F]{16,}");

    @Test
    void tracingOneGatewayTracesItsWholeExchangeAndNothingOfTheEnginesOtherGateway() {
        // A has gateway gw toward B and gw-c toward C; both connect, only gw is traced.
        final FakeWire wire = new FakeWire();
        final CachedNanoClock clock = new CachedNanoClock();
        clock.update(1_000_000_000L);
        final List<IkeTraceLine> lines = new ArrayList<>();
        final IkeTracing tracing = new IkeTracing(lines::add);
        tracing.trace("gw", true);
        final List<GatewayPolicy> policiesA = Stream.concat(PeerConfig.a().policies().stream(), policies(
                PeerConfig.a().yaml().replace("- name: gw\n", "- name: gw-c\n").replace("[gw]", "[gw-c]")
                        .replace("peer-address: {ip: 192.0.2.2}", "peer-address: {ip: 192.0.2.3}")).stream()).toList();
        final RecordingListener a = new RecordingListener("A", new ArrayList<>());
        final IkeEngine engineA = new IkeEngine(policiesA, wire.transport(), a, EnginePair.seeded(1), clock,
                EnginePair.TIMING, tracing);
        final IkeEngine engineB = new IkeEngine(PeerConfig.b().policies(), wire.transport(),
                new RecordingListener("B", new ArrayList<>()), EnginePair.seeded(2), clock, EnginePair.TIMING,
                new IkeTracing(line -> { }));
        final IkeEngine engineC = new IkeEngine(policies(PeerConfig.b().yaml().replace("192.0.2.2", "192.0.2.3")),
                wire.transport(), new RecordingListener("C", new ArrayList<>()), EnginePair.seeded(3), clock,
                EnginePair.TIMING, new IkeTracing(line -> { }));
        wire.attach(EnginePair.A, engineA);
        wire.attach(EnginePair.B, engineB);
        wire.attach(C, engineC);
        while (engineA.doWork() + engineB.doWork() + engineC.doWork() + wire.pump() > 0) {
            clock.advance(1);
        }

        assertEquals(2, a.ikeUp, "A has an IKE SA with B and one with C");
        assertEquals(4, a.installed().size());
        assertTrue(lines.stream().allMatch(l -> l.gateway().equals("gw")), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.toString().contains("192.0.2.3")), "nothing of gw-c's exchange");
        assertTrue(Pattern.matches("gateway=gw event=sent exchange=IKE_SA_INIT flags=I mid=0 spi=\\p{XDigit}{16}/0{16} "
                + "peer=192\\.0\\.2\\.2:500 local=192\\.0\\.2\\.1:500 payloads=SA,KE,Nonce,N,N "
                + "notify=NAT_DETECTION_SOURCE_IP,NAT_DETECTION_DESTINATION_IP size=\\d+ transmission=1",
                lines.getFirst().toString()), lines.getFirst().toString());
        assertEquals(List.of("sent IKE_SA_INIT I", "received IKE_SA_INIT R", "proposal chosen", "nat none",
                "sent IKE_AUTH I", "received IKE_AUTH R", "auth verified", "ike-sa established",
                "child-proposal chosen", "ts accepted", "child-sa inbound-installed", "child-sa installed",
                "sent CREATE_CHILD_SA I", "received CREATE_CHILD_SA R", "child-proposal chosen", "ts accepted",
                "child-sa inbound-installed", "child-sa installed"), lines.stream().map(IkeTraceTest::summary).toList());
        assertEquals("payloads=IDi,AUTH,N,SA,TSi,TSr notify=INITIAL_CONTACT", field(lines.get(4), "payloads") + " "
                + "notify=" + lines.get(4).fields().get("notify"));
        assertEquals("aes-256-gcm/prf-sha256/group19", lines.get(2).fields().get("detail"));
        assertTrue(lines.get(6).fields().get("detail").startsWith("peer 192.0.2.2 ID fqdn:b.example by pre-shared key"),
                lines.get(6).toString());
    }

    @Test
    void retransmissionsRepeatedAnswersRekeysAndDeletesAreTracedAndNoLineHoldsAKeyANonceOrThePsk() {
        final EnginePair pair = new EnginePair(PeerConfig.a().psk(PSK), PeerConfig.b().psk(PSK));
        pair.tracingA.trace("gw", true);
        pair.tracingB.trace("gw", true);
        final boolean[] dropped = {false};
        pair.wire.drop(d -> d.exchangeType() == AUTH && d.response() && !dropped[0] && (dropped[0] = true));
        pair.settle();
        pair.advance(1);
        final IkeSession session = pair.engineA.sessions().getFirst();
        pair.clock.advance(3300L * 1_000_000_000L);
        pair.settle();
        pair.advance(10);
        pair.engineA.close();
        pair.settle();

        final List<IkeTraceLine> lines = new ArrayList<>(pair.tracedA);
        lines.addAll(pair.tracedB);
        final List<String> events = lines.stream().map(IkeTraceLine::event).toList();
        assertTrue(pair.tracedA.stream().anyMatch(l -> l.event().equals("retransmitted")
                && "2".equals(l.fields().get("transmission")) && "IKE_AUTH".equals(l.fields().get("exchange"))));
        assertTrue(pair.tracedB.stream().anyMatch(l -> l.event().equals("reanswered")));
        assertTrue(events.containsAll(List.of("rekey", "child-sa", "ike-sa")), events.toString());
        assertTrue(pair.tracedB.stream().anyMatch(l -> l.toString().contains("event=ike-sa result=closed")));

        final Set<String> spis = new HashSet<>();
        for (final FakeWire.Datagram d : pair.wire.sent) {
            if (!d.keepalive()) {
                spis.add("%016x".formatted(ByteBuffer.wrap(d.bytes()).getLong(0)));
                spis.add("%016x".formatted(ByteBuffer.wrap(d.bytes()).getLong(8)));
            }
        }
        final List<String> secrets = new ArrayList<>(List.of(PSK, HexFormat.of().formatHex(PSK.getBytes())));
        for (final RecordingListener.Child child : Stream.concat(pair.a.up.stream(), pair.b.up.stream()).toList()) {
            secrets.add(HexFormat.of().formatHex(child.outboundKey()).substring(0, 16));
            secrets.add(HexFormat.of().formatHex(child.inboundKey()).substring(0, 16));
        }
        assertTrue(secrets.size() > 10 && session.sa().initiatorSpi() != 0);
        for (final IkeTraceLine line : lines) {
            final String text = line.toString();
            for (final String secret : secrets) {
                assertFalse(text.toLowerCase().contains(secret.toLowerCase()), text);
            }
            final Matcher hex = LONG_HEX.matcher(text);
            while (hex.find()) {
                assertTrue(spis.contains(hex.group().toLowerCase()), "only SPIs are long hex: " + text);
            }
        }
    }

    /** The event and, for a message, its exchange and flags; else the decision's result. */
    private static String summary(final IkeTraceLine line) {
        return line.fields().containsKey("exchange")
                ? line.event() + " " + line.fields().get("exchange") + " " + line.fields().get("flags")
                : line.event() + " " + line.fields().get("result");
    }

    private static String field(final IkeTraceLine line, final String name) {
        return name + "=" + line.fields().get(name);
    }

    private static List<GatewayPolicy> policies(final String yaml) {
        if (!(ConfigLoader.load(yaml, "test.yaml") instanceof LoadResult.Valid valid)) {
            throw new IllegalArgumentException(yaml);
        }
        return IkePolicies.of(valid.config());
    }
}
