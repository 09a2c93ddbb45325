package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.config.IkeGateway;
import io.xgate.controlplane.ike.crypto.ChildKeyDerivation;
import io.xgate.controlplane.ike.crypto.ChildSuite;
import io.xgate.controlplane.ike.crypto.InvalidKeyExchangeException;
import io.xgate.controlplane.ike.crypto.KeyExchange;
import io.xgate.controlplane.ike.crypto.KeyExchangeGroup;
import io.xgate.controlplane.ike.crypto.KeyMaterial;
import io.xgate.controlplane.ike.crypto.Prf;
import io.xgate.controlplane.ike.crypto.SignedOctets;
import io.xgate.controlplane.ike.exchange.ChildNegotiation;
import io.xgate.controlplane.ike.exchange.ChildOffer;
import io.xgate.controlplane.ike.exchange.Identities;
import io.xgate.controlplane.ike.message.ExchangeType;
import io.xgate.controlplane.ike.message.IkeMessage;
import io.xgate.controlplane.ike.payload.AuthPayload;
import io.xgate.controlplane.ike.payload.CertPayload;
import io.xgate.controlplane.ike.payload.IdPayload;
import io.xgate.controlplane.ike.payload.IkePayload;
import io.xgate.controlplane.ike.payload.KePayload;
import io.xgate.controlplane.ike.payload.NoncePayload;
import io.xgate.controlplane.ike.payload.NotifyPayload;
import io.xgate.controlplane.ike.payload.NotifyType;
import io.xgate.controlplane.ike.payload.Proposal;
import io.xgate.controlplane.ike.payload.Role;
import io.xgate.controlplane.ike.payload.SaPayload;
import io.xgate.controlplane.ike.payload.TsPayload;
import io.xgate.controlplane.ike.policy.Authenticator;
import io.xgate.controlplane.ike.policy.ChildPolicy;
import io.xgate.controlplane.ike.policy.GatewayPolicy;
import io.xgate.controlplane.ike.proposal.NegotiatedSuites;
import io.xgate.controlplane.ike.proposal.ProposalDescription;
import io.xgate.controlplane.ike.trace.IkeTrace;
import io.xgate.controlplane.ike.ts.TsNarrowing;
import io.xgate.controlplane.ike.sa.ChildSaRecord;
import io.xgate.controlplane.ike.sa.IkeSaRecord;
import io.xgate.controlplane.ike.wire.Bytes;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * IKE_AUTH (RFC 7296 §1.2, §2.15): identities, certificates, AUTH, and the first child SA (§1.3 without KE). The
 * responder picks the gateway whose {@code peer-id} the presented ID matches and whose authenticator accepts its
 * AUTH; a child SA the responder refuses leaves the IKE SA up (§1.2: "the IKE SA is still created").
 */
final class AuthExchange {
    private AuthExchange() {
    }

    // ---- initiator

    static void start(final IkeSession session) {
        final GatewayPolicy gateway = session.gateway;
        final IkeSaRecord sa = session.sa;
        final ChildPolicy child = gateway.children().getFirst();
        final int inboundSpi = session.ctx.spis().childSpi();
        final List<Proposal> offered = ChildNegotiation.proposals(child, inboundSpi, false);
        final IdPayload idi = gateway.localId(Role.INITIATOR);
        final Prf prf = sa.suite().prf();
        final AuthPayload auth = gateway.authenticator().sign(prf,
            SignedOctets.of(sa.initRequest(), sa.nr(), prf, sa.secrets().skPi(), idi), sa.peerSignatureHashes(),
            session.ctx.random());
        final List<IkePayload> payloads = new ArrayList<>(List.of(idi));
        payloads.addAll(gateway.authenticator().authPayloads(Role.INITIATOR));
        payloads.addAll(List.of(auth, NotifyPayload.of(NotifyType.INITIAL_CONTACT, Bytes.EMPTY), new SaPayload(offered)));
        payloads.addAll(ChildNegotiation.selectors(child));
        session.request(ExchangeType.IKE_AUTH, payloads, new Pending.Auth(child, inboundSpi, offered, idi),
            IkeSession.State.CREATE_IKE_LOCAL_AUTH);
    }

    static void onResponse(final IkeSession session, final Pending.Auth auth, final IkeMessage response) {
        final GatewayPolicy gateway = session.gateway;
        final IkeSaRecord sa = session.sa;
        final String peer = session.peer();
        final Optional<IdPayload> idr = response.first(IdPayload.class).filter(id -> id.role() == Role.RESPONDER);
        final Optional<AuthPayload> authPayload = response.first(AuthPayload.class);
        if (response.findNotify(NotifyType.AUTHENTICATION_FAILED).isPresent()) {
            release(session, auth.inboundSpi());
            session.fail("AUTHENTICATION_FAILED: peer " + peer + " rejected our AUTH: "
                + gateway.authenticator().rejectionHint() + " and that the peer expects our local-id "
                + Identities.describe(auth.ourId()));
            return;
        }
        if (idr.isEmpty() || authPayload.isEmpty()) {
            release(session, auth.inboundSpi());
            session.fail("IKE_AUTH refused by peer " + peer + ": " + SaInitExchange.errorNotify(response)
                .map(n -> n.notifyType().toString()).orElse("no IDr or AUTH in its answer"));
            return;
        }
        final Optional<IkeGateway.Identity> expected = gateway.gateway().peerId();
        if (expected.isPresent() && !Identities.matches(expected.get(), idr.get())) {
            release(session, auth.inboundSpi());
            session.fail("AUTHENTICATION_FAILED: peer " + peer + " presented ID " + Identities.describe(idr.get())
                + ", gateway " + gateway.name() + " expects peer-id " + Identities.describe(expected.get()));
            return;
        }
        final Prf prf = sa.suite().prf();
        final Optional<String> refused = gateway.authenticator().verify(prf, SignedOctets.of(sa.initResponse(), sa.ni(),
            prf, sa.secrets().skPr(), idr.get()), new Authenticator.PeerProof(peer, gateway.name(), idr.get(),
            authPayload.get(), response.payloads(CertPayload.class)));
        if (refused.isPresent()) {
            release(session, auth.inboundSpi());
            session.fail("AUTHENTICATION_FAILED: " + refused.get());
            return;
        }
        traceVerified(session, idr.get());
        // Queued while not yet IDLE, so idle() starts them one at a time: enqueued when IDLE, the first would start at
        // once and the next, started by idle() over it, would take its place in the window and orphan it at the peer.
        for (final ChildPolicy more : gateway.children().subList(1, gateway.children().size())) {
            session.enqueue(new LocalRequest.CreateChild(more));
        }
        session.established(IkeSession.State.IDLE);
        childFromResponse(session, auth.child(), auth.inboundSpi(), auth.offered(), response, sa.ni(), sa.nr(),
            Optional.empty()).ifPresent(session::activate);
        session.idle();
    }

    /**
     * The child SA in a response to our IKE_AUTH or CREATE_CHILD_SA: its inbound SA installed (the caller switches
     * the outbound), or the responder's refusal reported in an admin's words.
     */
    static Optional<ChildSession> childFromResponse(final IkeSession session, final ChildPolicy child,
                                                    final int inboundSpi, final List<Proposal> offered,
                                                    final IkeMessage response, final Bytes ni, final Bytes nr,
                                                    final Optional<KeyMaterial> pfs) {
        final String peer = session.peer();
        final Optional<SaPayload> answer = response.first(SaPayload.class);
        final Optional<TsPayload> tsi = tsOf(response, Role.INITIATOR);
        final Optional<TsPayload> tsr = tsOf(response, Role.RESPONDER);
        if (answer.isEmpty() || tsi.isEmpty() || tsr.isEmpty()) {
            release(session, inboundSpi);
            final Optional<NotifyPayload> error = SaInitExchange.errorNotify(response);
            final NotifyType type = error.map(NotifyPayload::notifyType).orElse(NotifyType.NO_PROPOSAL_CHOSEN);
            final List<TsPayload> ours = ChildNegotiation.selectors(child);
            final String what = type.equals(NotifyType.TS_UNACCEPTABLE)
                ? "we proposed " + TsNarrowing.describe(ours.get(0).selectors(),
                    ours.get(1).selectors())
                : "we offered " + ProposalDescription.describe(offered);
            session.report(type + ": peer " + peer + " refused child SA " + child.name() + ": " + what);
            return Optional.empty();
        }
        final Optional<String> problem = ChildNegotiation.checkAnswer(child, offered, answer.get(), tsi.get(), tsr.get());
        if (problem.isPresent()) {
            release(session, inboundSpi);
            session.report(problem.get());
            return Optional.empty();
        }
        final Proposal chosen = answer.get().proposals().getFirst();
        traceChild(session, child, chosen, ChildNegotiation.selectors(child), tsi.get(), tsr.get());
        final ChildSuite suite = NegotiatedSuites.child(chosen).orElseThrow();
        return Optional.of(session.install(child, record(session, child, inboundSpi,
            ChildNegotiation.spiValue(chosen.spi()), suite, ni, nr, pfs, true, tsi.get(), tsr.get()), ni, nr));
    }

    // ---- responder

    static void onRequest(final IkeSession session, final IkeMessage request, final InetSocketAddress from,
                          final InetSocketAddress to) {
        final IkeSaRecord sa = session.sa;
        final String peer = from.getAddress().getHostAddress();
        final Optional<IdPayload> idi = request.first(IdPayload.class).filter(id -> id.role() == Role.INITIATOR);
        final Optional<AuthPayload> auth = request.first(AuthPayload.class);
        if (idi.isEmpty() || auth.isEmpty()) {
            session.respond(request.header(), List.of(NotifyPayload.of(NotifyType.INVALID_SYNTAX, Bytes.EMPTY)), from, to);
            session.close("IKE_AUTH from " + peer + " without IDi or AUTH");
            return;
        }
        final List<GatewayPolicy> byId = session.candidates.stream()
            .filter(g -> g.gateway().peerId().map(expected -> Identities.matches(expected, idi.get())).orElse(true))
            .toList();
        if (byId.isEmpty()) {
            final GatewayPolicy first = session.candidates.getFirst();
            refuse(session, request, from, to, "AUTHENTICATION_FAILED: peer " + peer + " presented ID "
                + Identities.describe(idi.get()) + ", gateway " + first.name() + " expects peer-id "
                + first.gateway().peerId().map(Identities::describe).orElse("(any)"));
            return;
        }
        final Prf prf = sa.suite().prf();
        final Bytes signed = SignedOctets.of(sa.initRequest(), sa.nr(), prf, sa.secrets().skPi(), idi.get());
        final List<CertPayload> certificates = request.payloads(CertPayload.class);
        GatewayPolicy gateway = null;
        Optional<String> refused = Optional.empty();
        for (final GatewayPolicy candidate : byId) {
            final Optional<String> problem = candidate.authenticator().verify(prf, signed,
                new Authenticator.PeerProof(peer, candidate.name(), idi.get(), auth.get(), certificates));
            if (problem.isEmpty()) {
                gateway = candidate;
                break;
            }
            refused = refused.or(() -> problem);
        }
        if (gateway == null) {
            refuse(session, request, from, to, "AUTHENTICATION_FAILED: " + refused.orElseThrow());
            return;
        }
        session.gateway = gateway;
        traceVerified(session, idi.get());
        final IdPayload idr = gateway.localId(Role.RESPONDER);
        final List<IkePayload> payloads = new ArrayList<>(List.of(idr));
        payloads.addAll(gateway.authenticator().authPayloads(Role.RESPONDER));
        payloads.add(gateway.authenticator().sign(prf, SignedOctets.of(sa.initResponse(), sa.ni(), prf,
            sa.secrets().skPr(), idr), sa.peerSignatureHashes(), session.ctx.random()));
        session.established(IkeSession.State.IDLE);
        final ChildAnswer child = childForRequest(session, preferUnused(session), request, sa.ni(), sa.nr(), false);
        payloads.addAll(child.payloads());
        child.installed().ifPresent(session::activate);
        session.respond(request.header(), payloads, from, to);
        session.idle();
    }

    /** The responder's answer to a child SA request, and the pair it installed (inbound only), if any. */
    record ChildAnswer(List<IkePayload> payloads, Optional<ChildSession> installed) {
        static ChildAnswer refused(final NotifyType type, final Bytes data) {
            return new ChildAnswer(List.of(NotifyPayload.of(type, data)), Optional.empty());
        }
    }

    /**
     * The responder's child SA payloads for a request carrying SA, TSi and TSr, matched against {@code candidates}:
     * installs the child's inbound SA and returns SA, TSi, TSr — with Nr and, under PFS, KEr for CREATE_CHILD_SA — or
     * the error notify, reporting why. The caller switches the outbound SA when it is time.
     */
    static ChildAnswer childForRequest(final IkeSession session, final List<ChildPolicy> candidates,
                                       final IkeMessage request, final Bytes ni, final Bytes nr,
                                       final boolean createChild) {
        final Optional<SaPayload> sa = request.first(SaPayload.class);
        final Optional<TsPayload> tsi = tsOf(request, Role.INITIATOR);
        final Optional<TsPayload> tsr = tsOf(request, Role.RESPONDER);
        if (sa.isEmpty() || tsi.isEmpty() || tsr.isEmpty()) {
            return createChild ? ChildAnswer.refused(NotifyType.INVALID_SYNTAX, Bytes.EMPTY)
                : new ChildAnswer(List.of(), Optional.empty());
        }
        final int inboundSpi = session.ctx.spis().childSpi();
        final ChildOffer offer = ChildNegotiation.respond(candidates, sa.get(), tsi.get(), tsr.get(), inboundSpi,
            createChild);
        if (offer instanceof ChildOffer.Rejected rejected) {
            release(session, inboundSpi);
            session.report(rejected.explanation());
            return ChildAnswer.refused(rejected.notifyType(), Bytes.EMPTY);
        }
        final ChildOffer.Accepted accepted = (ChildOffer.Accepted) offer;
        traceChild(session, accepted.policy(), accepted.answer(), List.of(tsi.get(), tsr.get()), accepted.tsi(),
            accepted.tsr());
        final List<IkePayload> payloads = new ArrayList<>(List.of(new SaPayload(List.of(accepted.answer()))));
        Optional<KeyMaterial> pfs = Optional.empty();
        if (createChild) {
            payloads.add(new NoncePayload(nr));
            final Optional<KeyExchangeGroup> group = accepted.suite().pfsGroup();
            if (group.isPresent()) {
                final Optional<KePayload> theirs = request.first(KePayload.class);
                if (theirs.isEmpty() || theirs.get().dhGroup() != group.get().id()) {
                    release(session, inboundSpi);
                    return ChildAnswer.refused(NotifyType.INVALID_KE_PAYLOAD,
                        Bytes.of((byte) (group.get().id() >>> 8), (byte) group.get().id()));
                }
                final KeyExchange ours = group.get().generate(session.ctx.random());
                try {
                    pfs = Optional.of(ours.agree(theirs.get().keyData()));
                } catch (final InvalidKeyExchangeException e) {
                    release(session, inboundSpi);
                    session.report("CREATE_CHILD_SA: the peer's " + group.get().configName() + " value is invalid");
                    return ChildAnswer.refused(NotifyType.INVALID_SYNTAX, Bytes.EMPTY);
                }
                payloads.add(new KePayload(group.get().id(), ours.publicValue()));
            }
        }
        final ChildSession installed = session.install(accepted.policy(), record(session, accepted.policy(), inboundSpi,
            accepted.peerSpi(), accepted.suite(), ni, nr, pfs, false, accepted.tsi(), accepted.tsr()), ni, nr);
        pfs.ifPresent(KeyMaterial::wipe);
        payloads.add(accepted.tsi());
        payloads.add(accepted.tsr());
        return new ChildAnswer(payloads, Optional.of(installed));
    }

    /** Our proxy IDs with those already up on this IKE SA last, so each peer request gets its own child SA. */
    static List<ChildPolicy> preferUnused(final IkeSession session) {
        final List<ChildPolicy> used = session.children.stream().map(ChildSession::policy).toList();
        final List<ChildPolicy> ordered = new ArrayList<>(session.gateway.children().stream()
            .filter(c -> !used.contains(c)).toList());
        ordered.addAll(used);
        return ordered;
    }

    private static void traceVerified(final IkeSession session, final IdPayload peerId) {
        final IkeTrace trace = session.trace();
        if (trace.on()) {
            trace.decision("auth", "verified", "peer " + session.peer() + " ID " + Identities.describe(peerId)
                + " by " + session.gateway.authenticator().describe());
        }
    }

    /**
     * The child SA agreed: its proposal, and its selectors against those {@code proposed} (TSi, TSr), narrowed when
     * the responder cut them down.
     */
    private static void traceChild(final IkeSession session, final ChildPolicy child, final Proposal chosen,
                                   final List<TsPayload> proposed, final TsPayload tsi, final TsPayload tsr) {
        final IkeTrace trace = session.trace();
        if (!trace.on()) {
            return;
        }
        trace.decision("child-proposal", "chosen", child.name() + " " + ProposalDescription.describe(chosen));
        final String agreed = TsNarrowing.describe(tsi.selectors(), tsr.selectors());
        final boolean narrowed = !proposed.get(0).selectors().equals(tsi.selectors())
            || !proposed.get(1).selectors().equals(tsr.selectors());
        trace.decision("ts", narrowed ? "narrowed" : "accepted", narrowed ? agreed + " (proposed "
            + TsNarrowing.describe(proposed.get(0).selectors(), proposed.get(1).selectors()) + ")" : agreed);
    }

    private static void refuse(final IkeSession session, final IkeMessage request, final InetSocketAddress from,
                               final InetSocketAddress to, final String explanation) {
        session.respond(request.header(), List.of(NotifyPayload.of(NotifyType.AUTHENTICATION_FAILED, Bytes.EMPTY)),
            from, to);
        session.fail(explanation);
    }

    static ChildSaRecord record(final IkeSession session, final ChildPolicy child, final int inboundSpi,
                                final int outboundSpi, final ChildSuite suite, final Bytes ni, final Bytes nr,
                                final Optional<KeyMaterial> pfs,
                                final boolean exchangeInitiator, final TsPayload tsi, final TsPayload tsr) {
        final IkeSaRecord sa = session.sa;
        final var keys = ChildKeyDerivation.derive(sa.suite().prf(), sa.secrets().skD(), pfs, ni, nr, suite.encryption(),
            suite.integrity());
        // TSi is the exchange initiator's side: ours when we started the exchange.
        final TsPayload local = exchangeInitiator ? tsi : tsr;
        final TsPayload remote = exchangeInitiator ? tsr : tsi;
        final long lifetime = TimeUnit.SECONDS.toNanos(child.profile().lifetime().toSeconds());
        return new ChildSaRecord(child.name(), inboundSpi, outboundSpi, suite, keys, exchangeInitiator,
            local.selectors(), remote.selectors(), session.ctx.now() + lifetime);
    }

    static Optional<TsPayload> tsOf(final IkeMessage message, final Role role) {
        return message.payloads(TsPayload.class).stream().filter(ts -> ts.role() == role).findFirst();
    }

    private static void release(final IkeSession session, final int inboundSpi) {
        session.ctx.spis().releaseChild(inboundSpi);
    }
}
