package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.crypto.IkeKeyDerivation;
import io.xgate.controlplane.ike.crypto.IkeSuite;
import io.xgate.controlplane.ike.crypto.InvalidKeyExchangeException;
import io.xgate.controlplane.ike.crypto.KeyExchange;
import io.xgate.controlplane.ike.crypto.KeyExchangeGroup;
import io.xgate.controlplane.ike.crypto.KeyMaterial;
import io.xgate.controlplane.ike.exchange.Cookies;
import io.xgate.controlplane.ike.exchange.NatDetection;
import io.xgate.controlplane.ike.message.ExchangeType;
import io.xgate.controlplane.ike.message.IkeHeader;
import io.xgate.controlplane.ike.message.IkeMessage;
import io.xgate.controlplane.ike.payload.IkePayload;
import io.xgate.controlplane.ike.payload.KePayload;
import io.xgate.controlplane.ike.payload.NoncePayload;
import io.xgate.controlplane.ike.payload.NotifyPayload;
import io.xgate.controlplane.ike.payload.NotifyType;
import io.xgate.controlplane.ike.payload.Proposal;
import io.xgate.controlplane.ike.payload.Role;
import io.xgate.controlplane.ike.payload.SaPayload;
import io.xgate.controlplane.ike.policy.GatewayPolicy;
import io.xgate.controlplane.ike.proposal.ConfigTransforms;
import io.xgate.controlplane.ike.proposal.NegotiatedSuites;
import io.xgate.controlplane.ike.proposal.ProposalBuilder;
import io.xgate.controlplane.ike.proposal.ProposalDescription;
import io.xgate.controlplane.ike.proposal.ProposalSelector;
import io.xgate.controlplane.ike.proposal.Selection;
import io.xgate.controlplane.ike.sa.IkeSaRecord;
import io.xgate.controlplane.ike.sa.NatState;
import io.xgate.controlplane.ike.wire.Bytes;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * IKE_SA_INIT (RFC 7296 §1.2) both ways: SA, KE, nonce, NAT detection, IKE fragmentation (RFC 7383 §2.3), the COOKIE
 * (§2.6) and INVALID_KE_PAYLOAD (§1.2) retries as initiator; proposal and group checks, cookies and the half-open SA
 * as responder.
 */
final class SaInitExchange {
    static final int NONCE_LENGTH = 32;
    /** COOKIE and INVALID_KE_PAYLOAD rounds before the initiator gives up: a peer cannot keep it busy forever. */
    private static final int MAX_ROUNDS = 3;
    /** RFC 7383 §2.3: announces that we accept and may send SKF fragments; no data. */
    private static final NotifyPayload FRAGMENTATION_SUPPORTED =
        NotifyPayload.of(NotifyType.IKEV2_FRAGMENTATION_SUPPORTED, Bytes.EMPTY);

    private SaInitExchange() {
    }

    // ---- initiator

    static IkeSession initiate(final IkeContext ctx, final GatewayPolicy gateway, final long spiI) {
        final InetSocketAddress local = new InetSocketAddress(gateway.localAddress().toInetAddress(), IkePorts.IKE);
        final InetSocketAddress remote = new InetSocketAddress(gateway.peerAddress().orElseThrow().toInetAddress(),
            IkePorts.IKE);
        final IkeSaRecord sa = new IkeSaRecord(Role.INITIATOR, spiI, 0, local, remote, ctx.timing().retransmit());
        final IkeSession session = new IkeSession(ctx, sa, gateway, List.of(gateway), IkeSession.State.CREATE_IKE_LOCAL_INIT);
        final KeyExchangeGroup group = ConfigTransforms.group(gateway.ikeProfile().dhGroup().getFirst()).orElseThrow();
        send(session, group, randomNonce(ctx), Optional.empty(), 0);
        return session;
    }

    private static void send(final IkeSession session, final KeyExchangeGroup group, final Bytes ni,
                             final Optional<Bytes> cookie, final int rounds) {
        final IkeContext ctx = session.ctx;
        final IkeSaRecord sa = session.sa;
        final KeyExchange ke = group.generate(ctx.random());
        final List<Proposal> proposals = ProposalBuilder.ike(session.gateway.ikeProfile(), Bytes.EMPTY);
        final List<IkePayload> payloads = new ArrayList<>();
        cookie.ifPresent(c -> payloads.add(NotifyPayload.of(NotifyType.COOKIE, c)));
        payloads.add(new SaPayload(proposals));
        payloads.add(new KePayload(group.id(), ke.publicValue()));
        payloads.add(new NoncePayload(ni));
        if (session.gateway.natTraversal()) {
            payloads.addAll(NatDetection.notifies(sa.initiatorSpi(), 0, sa.local(), sa.remote()));
        }
        if (session.gateway.fragmentation()) {
            payloads.add(FRAGMENTATION_SUPPORTED);
        }
        final byte[] request = IkeMessage.plain(IkeHeader.of(sa.initiatorSpi(), 0, ExchangeType.IKE_SA_INIT, true,
            false, 0), payloads).encode();
        session.sendRequestBytes(0, List.of(request), payloads, new Pending.Init(ke, ni, proposals, cookie, request, rounds),
            IkeSession.State.CREATE_IKE_LOCAL_INIT);
    }

    static void onResponse(final IkeSession session, final Pending.Init init, final IkeMessage response, final byte[] raw,
                           final InetSocketAddress from, final InetSocketAddress to) {
        final GatewayPolicy gateway = session.gateway;
        final String peer = session.peer();
        final Optional<NotifyPayload> cookie = response.findNotify(NotifyType.COOKIE);
        if (cookie.isPresent() && init.rounds() < MAX_ROUNDS) {
            session.trace().decision("cookie", "retry", "peer asks for its cookie back");
            send(session, init.ke().group(), init.ni(), Optional.of(cookie.get().data()), init.rounds() + 1);
            return;
        }
        final Optional<NotifyPayload> invalidKe = response.findNotify(NotifyType.INVALID_KE_PAYLOAD);
        if (invalidKe.isPresent()) {
            final Optional<KeyExchangeGroup> wanted = groupOf(invalidKe.get().data());
            final List<KeyExchangeGroup> ours = gateway.ikeProfile().dhGroup().stream()
                .map(ConfigTransforms::group).flatMap(Optional::stream).toList();
            if (wanted.isPresent() && ours.contains(wanted.get()) && wanted.get() != init.ke().group()
                && init.rounds() < MAX_ROUNDS) {
                session.trace().decision("ke", "retry", wanted.get().configName());
                send(session, wanted.get(), init.ni(), init.cookie(), init.rounds() + 1);
                return;
            }
            session.fail("INVALID_KE_PAYLOAD: peer " + peer + " wants " + wanted.map(KeyExchangeGroup::configName)
                .orElse("an unknown group") + ", which ike-crypto-profile " + gateway.ikeProfile().name()
                + " does not offer (it lists " + ours.stream().map(KeyExchangeGroup::configName)
                .collect(Collectors.joining(",")) + ")");
            return;
        }
        if (response.findNotify(NotifyType.NO_PROPOSAL_CHOSEN).isPresent()) {
            session.fail("NO_PROPOSAL_CHOSEN: peer " + peer + " accepted none of our IKE proposals: we offered "
                + ProposalDescription.describe(init.proposals()));
            return;
        }
        final Optional<NotifyPayload> error = errorNotify(response);
        if (error.isPresent()) {
            session.fail("IKE_SA_INIT refused by peer " + peer + ": " + error.get().notifyType());
            return;
        }
        final Optional<SaPayload> saPayload = response.first(SaPayload.class);
        final Optional<KePayload> ke = response.first(KePayload.class);
        final Optional<NoncePayload> nr = response.first(NoncePayload.class);
        if (saPayload.isEmpty() || ke.isEmpty() || nr.isEmpty() || response.header().responderSpi() == 0) {
            session.fail("IKE_SA_INIT response from " + peer + " lacks its SA, KE or nonce payload");
            return;
        }
        final Proposal chosen = saPayload.get().proposals().getFirst();
        final Optional<IkeSuite> suite = NegotiatedSuites.ike(chosen);
        if (saPayload.get().proposals().size() != 1 || !ProposalSelector.isAcceptableAnswer(init.proposals(), chosen)
            || suite.isEmpty() || suite.get().group() != init.ke().group() || ke.get().dhGroup() != init.ke().group().id()) {
            session.fail("NO_PROPOSAL_CHOSEN: peer " + peer + " answered with " + ProposalDescription.describe(chosen)
                + ", which is not what we offered (" + ProposalDescription.describe(init.proposals()) + ")");
            return;
        }
        session.trace().decision("proposal", "chosen", suite.get());
        final IkeSaRecord sa = session.sa;
        sa.responderSpi(response.header().responderSpi());
        final Optional<String> invalid = derive(session, suite.get(), init.ke(), ke.get(), init.ni(), nr.get().nonce());
        if (invalid.isPresent()) {
            session.fail("IKE_SA_INIT: " + invalid.get());
            return;
        }
        sa.initMessages(Bytes.of(init.request()), Bytes.of(raw));
        sa.fragmentation(gateway.fragmentation() && supportsFragmentation(response));
        if (gateway.natTraversal()) {
            final NatState nat = NatDetection.detect(response, from, to).orElse(NatState.NONE);
            sa.nat(nat);
            session.trace().decision("nat", nat.detected() ? "detected" : "none", nat);
            if (nat.detected()) {
                // RFC 7296 §2.23: once a NAT is detected, everything from IKE_AUTH on goes to and from port 4500.
                sa.endpoints(new InetSocketAddress(sa.local().getAddress(), IkePorts.NAT_T),
                    new InetSocketAddress(sa.remote().getAddress(), IkePorts.NAT_T));
            }
        }
        sa.takeRequestId();
        AuthExchange.start(session);
    }

    // ---- responder

    /** What the engine does with an IKE_SA_INIT request: nothing, a stateless reply, or a new half-open SA. */
    sealed interface Outcome {
        record Drop(String why) implements Outcome {
        }

        /**
         * {@code datagram} (carrying the notify {@code answer}) is empty when the answer would be larger than the request
         * (no amplification);
         * {@code failure} is an admin's line for a gateway, e.g. NO_PROPOSAL_CHOSEN.
         */
        record Reply(Optional<byte[]> datagram, NotifyPayload answer, Optional<Failure> failure) implements Outcome {
        }

        record Failure(GatewayPolicy gateway, String explanation) {
        }

        record Created(IkeSession session, byte[] datagram, List<IkePayload> payloads) implements Outcome {
        }
    }

    static Outcome respond(final IkeContext ctx, final List<GatewayPolicy> candidates, final Cookies cookies,
                           final boolean loaded, final IkeMessage request, final byte[] raw, final InetSocketAddress from,
                           final InetSocketAddress to) {
        final IkeHeader header = request.header();
        final Optional<SaPayload> saPayload = request.first(SaPayload.class);
        final Optional<KePayload> ke = request.first(KePayload.class);
        final Optional<NoncePayload> ni = request.first(NoncePayload.class);
        if (saPayload.isEmpty() || ke.isEmpty() || ni.isEmpty()) {
            return new Outcome.Drop("IKE_SA_INIT without SA, KE or nonce");
        }
        final boolean cookieRequired = loaded || candidates.stream().anyMatch(g -> g.gateway().ikev2().requireCookie());
        final Optional<NotifyPayload> cookie = request.findNotify(NotifyType.COOKIE);
        final boolean cookieValid = cookie.isPresent()
            && cookies.valid(cookie.get().data(), ni.get().nonce(), from.getAddress(), header.initiatorSpi());
        if (cookieRequired && !cookieValid) {
            return reply(header, NotifyPayload.of(NotifyType.COOKIE,
                cookies.cookie(ni.get().nonce(), from.getAddress(), header.initiatorSpi())), raw, Optional.empty());
        }
        GatewayPolicy gateway = null;
        Proposal chosen = null;
        String explanation = null;
        for (final GatewayPolicy candidate : candidates) {
            final Selection selection = ProposalSelector.select(
                ProposalBuilder.ike(candidate.ikeProfile(), Bytes.EMPTY), saPayload.get().proposals());
            if (selection instanceof Selection.Chosen c && NegotiatedSuites.ike(c.proposal()).isPresent()) {
                gateway = candidate;
                chosen = c.proposal();
                break;
            }
            if (explanation == null && selection instanceof Selection.NoProposalChosen none) {
                explanation = none.explanation();
            }
        }
        if (gateway == null) {
            final GatewayPolicy first = candidates.getFirst();
            return reply(header, NotifyPayload.of(NotifyType.NO_PROPOSAL_CHOSEN, Bytes.EMPTY), raw,
                Optional.ofNullable(explanation).map(e -> new Outcome.Failure(first, e)));
        }
        final IkeSuite suite = NegotiatedSuites.ike(chosen).orElseThrow();
        if (ke.get().dhGroup() != suite.group().id()) {
            return reply(header, NotifyPayload.of(NotifyType.INVALID_KE_PAYLOAD,
                Bytes.of(ByteBuffer.allocate(2).putShort((short) suite.group().id()).array())), raw, Optional.empty());
        }
        final long spiR = ctx.spis().ikeSpi();
        final IkeSaRecord sa = new IkeSaRecord(Role.RESPONDER, header.initiatorSpi(), spiR, to, from,
            ctx.timing().retransmit());
        final List<GatewayPolicy> sameSuite = candidates.stream().filter(g -> ProposalSelector.select(
            ProposalBuilder.ike(g.ikeProfile(), Bytes.EMPTY), saPayload.get().proposals()) instanceof Selection.Chosen).toList();
        final IkeSession session = new IkeSession(ctx, sa, gateway, sameSuite, IkeSession.State.CREATE_IKE_REMOTE_AUTH);
        session.trace().decision("proposal", "chosen", suite);
        final KeyExchange ours = suite.group().generate(ctx.random());
        final Bytes nr = randomNonce(ctx);
        final Optional<String> invalid = derive(session, suite, ours, ke.get(), ni.get().nonce(), nr);
        if (invalid.isPresent()) {
            ctx.spis().releaseIke(spiR);
            return new Outcome.Drop(invalid.get());
        }
        final List<IkePayload> payloads = new ArrayList<>(List.of(new SaPayload(List.of(chosen)),
            new KePayload(suite.group().id(), ours.publicValue()), new NoncePayload(nr)));
        final Optional<NatState> nat = NatDetection.detect(request, from, to);
        if (gateway.natTraversal() && nat.isPresent()) {
            sa.nat(nat.get());
            session.trace().decision("nat", nat.get().detected() ? "detected" : "none", nat.get());
            payloads.addAll(NatDetection.notifies(header.initiatorSpi(), spiR, to, from));
        }
        if (gateway.fragmentation() && supportsFragmentation(request)) {
            // Answered only when asked: a peer that did not offer it must not see it (RFC 7383 §2.3).
            payloads.add(FRAGMENTATION_SUPPORTED);
            sa.fragmentation(true);
        }
        final byte[] response = IkeMessage.plain(IkeHeader.of(header.initiatorSpi(), spiR, ExchangeType.IKE_SA_INIT,
            false, true, 0), payloads).encode();
        if (!cookieValid && response.length > raw.length) {
            // Never answer an unproven address with more bytes than it sent: ask it to prove itself first.
            session.close("reply larger than the request");
            ctx.spis().releaseIke(spiR);
            return reply(header, NotifyPayload.of(NotifyType.COOKIE,
                cookies.cookie(ni.get().nonce(), from.getAddress(), header.initiatorSpi())), raw, Optional.empty());
        }
        sa.initMessages(Bytes.of(raw), Bytes.of(response));
        sa.answered(0, List.of(response));
        return new Outcome.Created(session, response, payloads);
    }

    /** An unprotected notify answer, or nothing when it would be larger than the request (no amplification). */
    static Outcome.Reply reply(final IkeHeader request, final NotifyPayload notify, final byte[] raw,
                               final Optional<Outcome.Failure> failure) {
        final byte[] datagram = IkeMessage.plain(IkeHeader.of(request.initiatorSpi(), 0, request.exchangeType(), false,
            true, request.messageId()), List.of(notify)).encode();
        return new Outcome.Reply(Optional.of(datagram).filter(d -> d.length <= raw.length), notify, failure);
    }

    // ---- both

    /** SKEYSEED and the seven keys (RFC 7296 §2.14); the problem when the peer's KE value is invalid. */
    private static Optional<String> derive(final IkeSession session, final IkeSuite suite, final KeyExchange ours,
                                           final KePayload theirs, final Bytes ni, final Bytes nr) {
        final KeyMaterial shared;
        try {
            shared = ours.agree(theirs.keyData());
        } catch (final InvalidKeyExchangeException e) {
            return Optional.of("the peer's " + suite.group().configName() + " public value is invalid: " + e.getMessage());
        }
        final IkeSaRecord sa = session.sa;
        final KeyMaterial skeyseed = IkeKeyDerivation.skeyseed(suite.prf(), ni, nr, shared);
        sa.keys(suite, IkeKeyDerivation.derive(suite, skeyseed, ni, nr, sa.initiatorSpi(), sa.responderSpi()));
        sa.nonces(ni, nr);
        skeyseed.wipe();
        shared.wipe();
        return Optional.empty();
    }

    static Bytes randomNonce(final IkeContext ctx) {
        final byte[] nonce = new byte[NONCE_LENGTH];
        ctx.random().nextBytes(nonce);
        return Bytes.of(nonce);
    }

    private static Optional<KeyExchangeGroup> groupOf(final Bytes data) {
        return data.length() == 2 ? KeyExchangeGroup.of(ByteBuffer.wrap(data.toArray()).getShort() & 0xFFFF)
            : Optional.empty();
    }

    private static boolean supportsFragmentation(final IkeMessage message) {
        return message.findNotify(NotifyType.IKEV2_FRAGMENTATION_SUPPORTED).isPresent();
    }

    /** The first error notify (types below 16384, RFC 7296 §3.10.1). */
    static Optional<NotifyPayload> errorNotify(final IkeMessage message) {
        return message.payloads(NotifyPayload.class).stream()
            .filter(n -> n.notifyType().value() < NotifyType.FIRST_STATUS).findFirst();
    }
}
