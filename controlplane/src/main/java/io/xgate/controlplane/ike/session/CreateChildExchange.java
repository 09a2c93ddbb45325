package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.crypto.InvalidKeyExchangeException;
import io.xgate.controlplane.ike.crypto.KeyExchange;
import io.xgate.controlplane.ike.crypto.KeyMaterial;
import io.xgate.controlplane.ike.exchange.ChildNegotiation;
import io.xgate.controlplane.ike.message.ExchangeType;
import io.xgate.controlplane.ike.message.IkeMessage;
import io.xgate.controlplane.ike.payload.IkePayload;
import io.xgate.controlplane.ike.payload.KePayload;
import io.xgate.controlplane.ike.payload.NoncePayload;
import io.xgate.controlplane.ike.payload.NotifyPayload;
import io.xgate.controlplane.ike.payload.NotifyType;
import io.xgate.controlplane.ike.payload.Proposal;
import io.xgate.controlplane.ike.payload.SaPayload;
import io.xgate.controlplane.ike.payload.SecurityProtocol;
import io.xgate.controlplane.ike.policy.ChildPolicy;
import io.xgate.controlplane.ike.proposal.ConfigTransforms;
import io.xgate.controlplane.ike.trace.IkeTrace;
import io.xgate.controlplane.ike.wire.Bytes;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * CREATE_CHILD_SA for child SAs (RFC 7296 §1.3.1, §1.3.3): each proxy ID after the first, a child re-created after
 * its hard lifetime, and child rekeys (N(REKEY_SA)) both ways; with PFS when the IPsec crypto profile names a DH
 * group. Make-before-break: the rekey initiator switches to the new pair when the answer arrives (the responder
 * programmed its inbound SA before answering) and deletes the old pair; the responder switches its outbound SA when
 * that Delete arrives. Simultaneous rekeys are settled by the nonces (§2.8.1), rekey against delete as §2.25 says.
 * A request for the IKE SA goes to {@link IkeRekeyExchange}.
 */
final class CreateChildExchange {
    private static final System.Logger LOG = System.getLogger(CreateChildExchange.class.getName());
    /** After TEMPORARY_FAILURE or a failed rekey, try again this much later (well before the hard lifetime). */
    static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int CHILD_SPI_SIZE = 4;

    private CreateChildExchange() {
    }

    /** A new child SA for {@code child}. */
    static void start(final IkeSession session, final ChildPolicy child) {
        send(session, child, Optional.empty());
    }

    /** Rekeys {@code child}, unless the peer rekeyed or deleted it while our request waited in the queue. */
    static void rekey(final IkeSession session, final ChildSession child) {
        if (child.state() == ChildSession.State.REKEY_CHILD_LOCAL_CREATE && session.children.contains(child)) {
            LOG.log(Level.INFO, "{0}: rekeying {1} (soft lifetime reached)", session.gateway, child);
            session.trace().decision("rekey", "child-started", child);
            send(session, child.policy(), Optional.of(child));
        }
    }

    private static void send(final IkeSession session, final ChildPolicy child, final Optional<ChildSession> rekeyed) {
        final IkeContext ctx = session.ctx;
        final int inboundSpi = ctx.spis().childSpi();
        final List<Proposal> offered = ChildNegotiation.proposals(child, inboundSpi, true);
        final Bytes ni = SaInitExchange.randomNonce(ctx);
        final Optional<KeyExchange> ke = ConfigTransforms.group(child.profile().dhGroup()).map(g -> g.generate(ctx.random()));
        final List<IkePayload> payloads = new ArrayList<>();
        rekeyed.ifPresent(old -> payloads.add(new NotifyPayload(SecurityProtocol.ESP,
            ChildNegotiation.spi(old.sa().inboundSpi()), NotifyType.REKEY_SA, Bytes.EMPTY)));
        payloads.add(new SaPayload(offered));
        payloads.add(new NoncePayload(ni));
        ke.ifPresent(k -> payloads.add(new KePayload(k.group().id(), k.publicValue())));
        payloads.addAll(ChildNegotiation.selectors(child));
        session.request(ExchangeType.CREATE_CHILD_SA, payloads,
            new Pending.CreateChild(child, inboundSpi, offered, ni, ke, rekeyed),
            rekeyed.isPresent() ? IkeSession.State.REKEY_CHILD_LOCAL_CREATE : IkeSession.State.CREATE_CHILD_LOCAL_CREATE);
    }

    static void onResponse(final IkeSession session, final Pending.CreateChild create, final IkeMessage response) {
        final Optional<ChildSession> rekeyed = create.rekeyed();
        final Optional<NotifyType> refusal = SaInitExchange.errorNotify(response).map(NotifyPayload::notifyType);
        if (rekeyed.isPresent() && refusal.isPresent() && refusedForNow(session, rekeyed.get(), refusal.get())) {
            session.ctx.spis().releaseChild(create.inboundSpi());
            session.idle();
            return;
        }
        final Optional<NoncePayload> nr = response.first(NoncePayload.class);
        final Optional<KeyMaterial> pfs;
        try {
            pfs = pfs(create, response, nr.isPresent());
        } catch (final InvalidKeyExchangeException e) {
            session.ctx.spis().releaseChild(create.inboundSpi());
            session.report("CREATE_CHILD_SA: child SA " + create.child().name() + ": PFS failed: " + e.getMessage());
            rekeyed.ifPresent(old -> old.retryRekeyAt(session.ctx.now() + RETRY_NANOS));
            session.idle();
            return;
        }
        final Bytes theirNonce = nr.map(NoncePayload::nonce).orElse(Bytes.EMPTY);
        final Optional<ChildSession> created = AuthExchange.childFromResponse(session, create.child(),
            create.inboundSpi(), create.offered(), response, create.ni(), theirNonce, pfs);
        pfs.ifPresent(KeyMaterial::wipe);
        if (created.isEmpty()) {
            rekeyed.ifPresent(old -> old.retryRekeyAt(session.ctx.now() + RETRY_NANOS));
        } else if (rekeyed.isEmpty() || rekeyed.get().state() != ChildSession.State.REKEY_CHILD_LOCAL_CREATE) {
            // A new child, or a rekey whose old pair the peer deleted meanwhile: the new pair simply stands.
            session.activate(created.get());
        } else {
            replace(session, rekeyed.get(), created.get());
        }
        session.idle();
    }

    /** TEMPORARY_FAILURE and CHILD_SA_NOT_FOUND are answers about the old pair, not failures to report (§2.25). */
    private static boolean refusedForNow(final IkeSession session, final ChildSession old, final NotifyType refusal) {
        if (!session.children.contains(old)) {
            LOG.log(Level.INFO, "{0}: peer answered our rekey of {1} with {2}; the pair is already deleted",
                session.gateway, old, refusal);
            session.trace().decision("rekey", "child-already-deleted", old);
            return true;
        }
        if (refusal.equals(NotifyType.TEMPORARY_FAILURE)) {
            LOG.log(Level.INFO, "{0}: peer busy with {1} (TEMPORARY_FAILURE); rekey retried later", session.gateway, old);
            session.trace().decision("rekey", "child-peer-busy", old);
            old.retryRekeyAt(session.ctx.now() + RETRY_NANOS);
            return true;
        }
        if (refusal.equals(NotifyType.CHILD_SA_NOT_FOUND)) {
            session.remove(old, "peer " + session.peer() + " no longer has it (CHILD_SA_NOT_FOUND)");
            if (session.gateway.initiates()) {
                session.enqueue(new LocalRequest.CreateChild(old.policy()));
            }
            return true;
        }
        return false;
    }

    private static Optional<KeyMaterial> pfs(final Pending.CreateChild create, final IkeMessage response,
                                             final boolean answered) throws InvalidKeyExchangeException {
        if (!answered || create.ke().isEmpty() || response.first(SaPayload.class).isEmpty()) {
            return Optional.empty();
        }
        final KeyExchange ours = create.ke().get();
        final KePayload theirs = response.first(KePayload.class).filter(k -> k.dhGroup() == ours.group().id())
            .orElseThrow(() -> new InvalidKeyExchangeException("no KE of " + ours.group().configName()));
        return Optional.of(ours.agree(theirs.keyData()));
    }

    /**
     * Our rekey of {@code old} produced {@code ours}. Alone, it replaces {@code old}; if the peer's rekey of the same
     * pair crossed it, the pair created with the lowest nonce is deleted by its creator and the other survives.
     */
    private static void replace(final IkeSession session, final ChildSession old, final ChildSession ours) {
        final ChildSession theirs = old.collidingRekey();
        if (theirs != null && session.children.contains(theirs)
            && RekeyCollision.oursIsRedundant(ours.ni(), ours.nr(), theirs.ni(), theirs.nr())) {
            LOG.log(Level.INFO, "{0}: simultaneous rekey of {1}: the peer''s {2} survives, deleting ours", session.gateway,
                old, theirs);
            traceCollision(session, old, "the peer's " + theirs + " survives, ours is deleted");
            old.rekeyed(theirs);
            session.enqueue(new LocalRequest.DeleteChild(ours, "redundant after a simultaneous rekey"));
            ours.deleting();
            return;
        }
        if (theirs != null && session.children.contains(theirs)) {
            LOG.log(Level.INFO, "{0}: simultaneous rekey of {1}: ours survives, the peer deletes {2}", session.gateway,
                old, theirs);
            traceCollision(session, old, "ours survives, the peer deletes its " + theirs);
            theirs.redundant();
        }
        session.activate(ours);
        old.rekeyed(ours);
        session.enqueue(new LocalRequest.DeleteChild(old, "rekeyed"));
    }

    static void onRequest(final IkeSession session, final IkeMessage request, final InetSocketAddress from,
                          final InetSocketAddress to) {
        final Optional<SaPayload> sa = request.first(SaPayload.class);
        final Optional<NoncePayload> ni = request.first(NoncePayload.class);
        if (sa.isPresent() && sa.get().proposals().getFirst().protocol().equals(SecurityProtocol.IKE)) {
            IkeRekeyExchange.onRequest(session, request, from, to);
            return;
        }
        if (ni.isEmpty()) {
            session.respond(request.header(), List.of(NotifyPayload.of(NotifyType.INVALID_SYNTAX, Bytes.EMPTY)), from, to);
            return;
        }
        final Bytes nr = SaInitExchange.randomNonce(session.ctx);
        final Optional<NotifyPayload> rekeySa = request.findNotify(NotifyType.REKEY_SA);
        if (rekeySa.isEmpty()) {
            final AuthExchange.ChildAnswer answer = AuthExchange.childForRequest(session,
                AuthExchange.preferUnused(session), request, ni.get().nonce(), nr, true);
            answer.installed().ifPresent(session::activate);
            session.respond(request.header(), answer.payloads(), from, to);
            return;
        }
        session.respond(request.header(), rekeyRequest(session, request, rekeySa.get(), ni.get().nonce(), nr), from, to);
    }

    /**
     * The peer rekeys one of our pairs (its SPI is the peer's inbound, our outbound): the new pair's inbound SA is
     * programmed before we answer; its outbound waits for the peer's Delete of the old pair.
     */
    private static List<IkePayload> rekeyRequest(final IkeSession session, final IkeMessage request,
                                                 final NotifyPayload rekeySa, final Bytes ni, final Bytes nr) {
        final Optional<ChildSession> old = rekeySa.spi().length() == CHILD_SPI_SIZE
            ? session.childByOutboundSpi(ChildNegotiation.spiValue(rekeySa.spi())) : Optional.empty();
        final ChildSession.State state = old.map(ChildSession::state).orElse(ChildSession.State.DELETED);
        switch (state) {
            case DELETED, RETIRING -> {
                LOG.log(Level.INFO, "{0}: peer rekeys a child SA we do not have: CHILD_SA_NOT_FOUND", session.gateway);
                session.trace().decision("rekey", "child-not-found", NotifyType.CHILD_SA_NOT_FOUND);
                return List.of(new NotifyPayload(SecurityProtocol.ESP, rekeySa.spi(), NotifyType.CHILD_SA_NOT_FOUND,
                    Bytes.EMPTY));
            }
            case INSTALLED, REKEY_CHILD_LOCAL_CREATE -> {
            }
            default -> {
                LOG.log(Level.INFO, "{0}: peer rekeys {1}, which we are replacing or deleting: TEMPORARY_FAILURE",
                    session.gateway, old.get());
                session.trace().decision("rekey", "child-busy", old.get());
                return List.of(NotifyPayload.of(NotifyType.TEMPORARY_FAILURE, Bytes.EMPTY));
            }
        }
        final ChildSession rekeyed = old.get();
        LOG.log(Level.INFO, "{0}: peer rekeys {1}", session.gateway, rekeyed);
        session.trace().decision("rekey", "child-by-peer", rekeyed);
        final AuthExchange.ChildAnswer answer = AuthExchange.childForRequest(session, List.of(rekeyed.policy()), request,
            ni, nr, true);
        answer.installed().ifPresent(theirs -> {
            theirs.awaitActivation(session.ctx.now() + session.ctx.timing().rekeyGraceNanos());
            if (session.rekeyInFlight(rekeyed)) {
                rekeyed.collidingRekey(theirs);
            } else {
                rekeyed.rekeyed(theirs);
            }
        });
        return answer.payloads();
    }

    /** A simultaneous rekey of {@code old} (RFC 7296 §2.8.1): which new pair survives. */
    private static void traceCollision(final IkeSession session, final ChildSession old, final String outcome) {
        final IkeTrace trace = session.trace();
        if (trace.on()) {
            trace.decision("rekey", "child-collision", old + ": " + outcome);
        }
    }
}
