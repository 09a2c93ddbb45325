package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.crypto.IkeKeyDerivation;
import io.xgate.controlplane.ike.crypto.IkeSuite;
import io.xgate.controlplane.ike.crypto.InvalidKeyExchangeException;
import io.xgate.controlplane.ike.crypto.KeyExchange;
import io.xgate.controlplane.ike.crypto.KeyExchangeGroup;
import io.xgate.controlplane.ike.crypto.KeyMaterial;
import io.xgate.controlplane.ike.message.ExchangeType;
import io.xgate.controlplane.ike.message.IkeMessage;
import io.xgate.controlplane.ike.payload.IkePayload;
import io.xgate.controlplane.ike.payload.KePayload;
import io.xgate.controlplane.ike.payload.NoncePayload;
import io.xgate.controlplane.ike.payload.NotifyPayload;
import io.xgate.controlplane.ike.payload.NotifyType;
import io.xgate.controlplane.ike.payload.Proposal;
import io.xgate.controlplane.ike.payload.Role;
import io.xgate.controlplane.ike.payload.SaPayload;
import io.xgate.controlplane.ike.proposal.NegotiatedSuites;
import io.xgate.controlplane.ike.proposal.ProposalBuilder;
import io.xgate.controlplane.ike.proposal.ProposalSelector;
import io.xgate.controlplane.ike.proposal.Selection;
import io.xgate.controlplane.ike.sa.IkeSaRecord;
import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.controlplane.ike.trace.IkeTrace;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Rekeying the IKE SA with CREATE_CHILD_SA (RFC 7296 §1.3.2, §2.18): a new IKE SA with fresh SPIs, nonces and a new
 * Diffie-Hellman, keyed from the old SK_d; the child SAs move to it and the rekey's initiator deletes the old SA.
 * When both peers rekey at once, the new SA made with the lowest nonce is deleted by its initiator and the other one
 * takes the children (§2.8.2). A request that meets one of our child exchanges, or our Delete, gets TEMPORARY_FAILURE
 * (§2.25.2).
 */
final class IkeRekeyExchange {
    private static final System.Logger LOG = System.getLogger(IkeRekeyExchange.class.getName());
    private static final int IKE_SPI_SIZE = 8;

    private IkeRekeyExchange() {
    }

    static void start(final IkeSession session) {
        final IkeContext ctx = session.ctx;
        final long spi = ctx.spis().ikeSpi();
        final KeyExchange ke = session.sa.suite().group().generate(ctx.random());
        final List<Proposal> offered = ProposalBuilder.ike(session.gateway.ikeProfile(), spiBytes(spi));
        final Bytes ni = SaInitExchange.randomNonce(ctx);
        LOG.log(Level.INFO, "{0}: rekeying IKE SA {1} (soft lifetime reached)", session.gateway, session.spis());
        session.trace().decision("rekey", "ike-sa-started", "soft lifetime reached");
        session.request(ExchangeType.CREATE_CHILD_SA, List.of(new SaPayload(offered), new NoncePayload(ni),
            new KePayload(ke.group().id(), ke.publicValue())), new Pending.RekeyIke(spi, offered, ni, ke),
            IkeSession.State.REKEY_IKE_LOCAL_CREATE);
    }

    static void onResponse(final IkeSession session, final Pending.RekeyIke rekey, final IkeMessage response) {
        final Optional<IkeSession> theirs = session.takeCollidingRekey();
        final Optional<IkeSession> ours = successor(session, rekey, response);
        if (ours.isEmpty()) {
            session.ctx.spis().releaseIke(rekey.spi());
            if (theirs.isPresent()) {
                // The peer refused ours (e.g. it already finished its own): its new SA takes over.
                theirs.get().takeOver(session);
                session.rekeyedByPeer();
                return;
            }
            session.rekeyAt(session.ctx.now() + CreateChildExchange.RETRY_NANOS);
            session.idle();
            return;
        }
        final IkeSession successor = ours.get();
        if (theirs.isPresent() && RekeyCollision.oursIsRedundant(rekey.ni(), successor.sa.nr(), theirs.get().sa.ni(),
                theirs.get().sa.nr())) {
            LOG.log(Level.INFO, "{0}: simultaneous IKE SA rekey: the peer''s {1} survives, deleting ours {2}",
                session.gateway, theirs.get().spis(), successor.spis());
            traceCollision(session, "the peer's " + theirs.get().spis() + " survives, ours " + successor.spis()
                + " is deleted");
            theirs.get().takeOver(session);
            session.rekeyedByPeer();
            successor.standby();
            session.ctx.register(successor);
            successor.redundant();
            successor.enqueue(new LocalRequest.DeleteIke("redundant after a simultaneous IKE SA rekey"));
            return;
        }
        theirs.ifPresent(redundant -> {
            LOG.log(Level.INFO, "{0}: simultaneous IKE SA rekey: ours {1} survives, the peer deletes {2}",
                session.gateway, successor.spis(), redundant.spis());
            traceCollision(session, "ours " + successor.spis() + " survives, the peer deletes " + redundant.spis());
            redundant.redundant();
        });
        successor.takeOver(session);
        session.enqueue(new LocalRequest.DeleteIke("rekeyed"));
        session.idle();
    }

    /** The new IKE SA from the peer's answer, or empty (reported unless the peer is merely busy). */
    private static Optional<IkeSession> successor(final IkeSession session, final Pending.RekeyIke rekey,
                                                  final IkeMessage response) {
        final Optional<NotifyPayload> error = SaInitExchange.errorNotify(response);
        if (error.isPresent() && error.get().notifyType().equals(NotifyType.TEMPORARY_FAILURE)) {
            LOG.log(Level.INFO, "{0}: peer busy (TEMPORARY_FAILURE); IKE SA rekey retried later", session.gateway);
            session.trace().decision("rekey", "ike-sa-peer-busy", NotifyType.TEMPORARY_FAILURE);
            return Optional.empty();
        }
        final Optional<SaPayload> sa = response.first(SaPayload.class);
        final Optional<NoncePayload> nr = response.first(NoncePayload.class);
        final Optional<KePayload> ke = response.first(KePayload.class);
        if (error.isPresent() || sa.isEmpty() || nr.isEmpty() || ke.isEmpty()) {
            session.report("IKE SA rekey refused by peer " + session.peer() + ": "
                + error.map(n -> n.notifyType().toString()).orElse("no SA, nonce or KE in its answer"));
            return Optional.empty();
        }
        final Proposal chosen = sa.get().proposals().getFirst();
        final Optional<IkeSuite> suite = NegotiatedSuites.ike(chosen);
        if (sa.get().proposals().size() != 1 || !ProposalSelector.isAcceptableAnswer(rekey.offered(), chosen)
            || suite.isEmpty() || chosen.spi().length() != IKE_SPI_SIZE || suite.get().group() != rekey.ke().group()
            || ke.get().dhGroup() != rekey.ke().group().id()) {
            session.report("IKE SA rekey: peer " + session.peer() + " answered with a proposal or group we did not offer");
            return Optional.empty();
        }
        final long peerSpi = ByteBuffer.wrap(chosen.spi().toArray()).getLong();
        return derive(session, Role.INITIATOR, rekey.spi(), peerSpi, suite.get(), rekey.ke(), ke.get(), rekey.ni(),
            nr.get().nonce());
    }

    static void onRequest(final IkeSession session, final IkeMessage request, final InetSocketAddress from,
                          final InetSocketAddress to) {
        final IkeSession.State state = session.state();
        final boolean colliding = state == IkeSession.State.REKEY_IKE_LOCAL_CREATE;
        if (!colliding && state != IkeSession.State.IDLE && state != IkeSession.State.LIVENESS_LOCAL_INFO) {
            LOG.log(Level.INFO, "{0}: peer rekeys the IKE SA during our {1}: TEMPORARY_FAILURE", session.gateway, state);
            session.trace().decision("rekey", "ike-sa-busy", state);
            session.respond(request.header(), List.of(NotifyPayload.of(NotifyType.TEMPORARY_FAILURE, Bytes.EMPTY)),
                from, to);
            return;
        }
        final Optional<SaPayload> sa = request.first(SaPayload.class);
        final Optional<NoncePayload> ni = request.first(NoncePayload.class);
        final Optional<KePayload> ke = request.first(KePayload.class);
        if (sa.isEmpty() || ni.isEmpty() || ke.isEmpty()) {
            session.respond(request.header(), List.of(NotifyPayload.of(NotifyType.INVALID_SYNTAX, Bytes.EMPTY)), from, to);
            return;
        }
        final Selection selection = ProposalSelector.select(ProposalBuilder.ike(session.gateway.ikeProfile(), Bytes.EMPTY),
            sa.get().proposals());
        final Optional<IkeSuite> suite = selection instanceof Selection.Chosen c ? NegotiatedSuites.ike(c.proposal())
            : Optional.empty();
        if (suite.isEmpty() || ((Selection.Chosen) selection).proposal().spi().length() != IKE_SPI_SIZE) {
            session.report("IKE SA rekey by peer " + session.peer() + ": " + (selection instanceof
                Selection.NoProposalChosen none ? none.explanation() : "NO_PROPOSAL_CHOSEN: no usable proposal"));
            session.respond(request.header(), List.of(NotifyPayload.of(NotifyType.NO_PROPOSAL_CHOSEN, Bytes.EMPTY)),
                from, to);
            return;
        }
        final KeyExchangeGroup group = suite.get().group();
        if (ke.get().dhGroup() != group.id()) {
            session.respond(request.header(), List.of(NotifyPayload.of(NotifyType.INVALID_KE_PAYLOAD,
                Bytes.of((byte) (group.id() >>> 8), (byte) group.id()))), from, to);
            return;
        }
        final Proposal chosen = ((Selection.Chosen) selection).proposal();
        final long peerSpi = ByteBuffer.wrap(chosen.spi().toArray()).getLong();
        final long ourSpi = session.ctx.spis().ikeSpi();
        final KeyExchange ours = group.generate(session.ctx.random());
        final Bytes nr = SaInitExchange.randomNonce(session.ctx);
        final Optional<IkeSession> successor = derive(session, Role.RESPONDER, peerSpi, ourSpi, suite.get(), ours,
            ke.get(), ni.get().nonce(), nr);
        if (successor.isEmpty()) {
            session.ctx.spis().releaseIke(ourSpi);
            session.respond(request.header(), List.of(NotifyPayload.of(NotifyType.INVALID_SYNTAX, Bytes.EMPTY)), from, to);
            return;
        }
        final List<IkePayload> answer = List.of(new SaPayload(List.of(chosen.withSpi(spiBytes(ourSpi)))),
            new NoncePayload(nr), new KePayload(group.id(), ours.publicValue()));
        session.respond(request.header(), answer, from, to);
        if (colliding) {
            // Which of the two new SAs survives is known when the answer to ours arrives.
            successor.get().standby();
            session.ctx.register(successor.get());
            session.collidingRekey(successor.get());
        } else {
            successor.get().takeOver(session);
            session.rekeyedByPeer();
        }
    }

    /**
     * The new IKE SA: SKEYSEED = prf(SK_d (old), g^ir (new) | Ni | Nr) and its keys with the new SPIs (§2.18). Our
     * role in it is the role we had in the rekey exchange. Empty when the peer's KE value is invalid (reported).
     */
    private static Optional<IkeSession> derive(final IkeSession session, final Role role, final long spiI,
                                               final long spiR, final IkeSuite suite, final KeyExchange ours,
                                               final KePayload theirs, final Bytes ni, final Bytes nr) {
        final IkeSaRecord old = session.sa;
        final KeyMaterial shared;
        try {
            shared = ours.agree(theirs.keyData());
        } catch (final InvalidKeyExchangeException e) {
            session.report("IKE SA rekey: the peer's " + suite.group().configName() + " value is invalid: " + e.getMessage());
            return Optional.empty();
        }
        final KeyMaterial skeyseed = IkeKeyDerivation.rekeySkeyseed(old.suite().prf(), old.secrets().skD(), shared, ni, nr);
        final IkeSaRecord sa = new IkeSaRecord(role, spiI, spiR, old.local(), old.remote(),
            session.ctx.timing().retransmit());
        sa.keys(suite, IkeKeyDerivation.derive(suite, skeyseed, ni, nr, spiI, spiR));
        sa.nonces(ni, nr);
        sa.nat(old.nat());
        sa.fragmentation(old.fragmentation());
        skeyseed.wipe();
        shared.wipe();
        return Optional.of(new IkeSession(session.ctx, sa, session.gateway, List.of(session.gateway),
            IkeSession.State.IDLE));
    }

    private static Bytes spiBytes(final long spi) {
        return Bytes.of(ByteBuffer.allocate(IKE_SPI_SIZE).putLong(spi).array());
    }

    /** Simultaneous IKE SA rekeys (RFC 7296 §2.8.2): which new IKE SA survives. */
    private static void traceCollision(final IkeSession session, final String outcome) {
        final IkeTrace trace = session.trace();
        if (trace.on()) {
            trace.decision("rekey", "ike-sa-collision", outcome);
        }
    }
}
