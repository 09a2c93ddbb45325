package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.message.ExchangeType;
import io.xgate.controlplane.ike.message.IkeDecodeResult;
import io.xgate.controlplane.ike.message.IkeHeader;
import io.xgate.controlplane.ike.message.IkeMessage;
import io.xgate.controlplane.ike.payload.IkePayload;
import io.xgate.controlplane.ike.payload.NotifyPayload;
import io.xgate.controlplane.ike.payload.NotifyType;
import io.xgate.controlplane.ike.policy.ChildPolicy;
import io.xgate.controlplane.ike.policy.GatewayPolicy;
import io.xgate.controlplane.ike.sa.ChildSaRecord;
import io.xgate.controlplane.ike.sa.FragmentReassembly;
import io.xgate.controlplane.ike.sa.IkeSaRecord;
import io.xgate.controlplane.ike.sa.Retransmission;
import io.xgate.controlplane.ike.trace.IkeTrace;
import io.xgate.controlplane.ike.ts.TsNarrowing;
import io.xgate.controlplane.ike.wire.Bytes;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The state machine of one IKE SA (the Android IKE library's model): states are named after the procedure, who
 * started it and the exchange in flight, so a log line says exactly where a negotiation was. The SA's data lives
 * in {@link IkeSaRecord}; the exchanges' logic in {@link SaInitExchange}, {@link AuthExchange},
 * {@link CreateChildExchange}, {@link IkeRekeyExchange} and {@link InformationalExchange}. One request of ours at a
 * time (message-ID window of 1); further local requests wait in a queue until the SA is {@link State#IDLE}. Child SAs
 * and the IKE SA itself are rekeyed at a soft lifetime (random, before the hard one); a rekeyed IKE SA hands its
 * child SAs and queued child requests to its successor. With fragmentation negotiated, protected messages too large
 * for one datagram go as SKF fragments, and the peer's fragments are joined here, one message per direction.
 */
public final class IkeSession {
    private static final System.Logger LOG = System.getLogger(IkeSession.class.getName());

    public enum State {
        /** We sent IKE_SA_INIT. */
        CREATE_IKE_LOCAL_INIT,
        /** We sent IKE_AUTH. */
        CREATE_IKE_LOCAL_AUTH,
        /** We answered the peer's IKE_SA_INIT and wait for its IKE_AUTH: half-open. */
        CREATE_IKE_REMOTE_AUTH,
        /** Established, no request of ours outstanding. */
        IDLE,
        CREATE_CHILD_LOCAL_CREATE,
        REKEY_CHILD_LOCAL_CREATE,
        REKEY_IKE_LOCAL_CREATE,
        /** Replaced by a rekey the peer started: its Delete of this SA is due (our hard lifetime ends it otherwise). */
        REKEYED,
        DELETE_CHILD_LOCAL_INFO,
        DELETE_IKE_LOCAL_INFO,
        LIVENESS_LOCAL_INFO,
        CLOSED
    }

    final IkeContext ctx;
    final IkeSaRecord sa;
    /** Responder: the gateways the peer may be, narrowed to one by its ID in IKE_AUTH. */
    final List<GatewayPolicy> candidates;
    GatewayPolicy gateway;
    private State state;
    private Pending pending;
    private final Deque<LocalRequest> queue = new ArrayDeque<>();
    final List<ChildSession> children = new ArrayList<>();
    private final long createdNanos;
    private boolean announced;
    /** Taken over by a rekeyed IKE SA: closing it is no loss of service. */
    private boolean replaced;
    private long nextKeepaliveNanos;
    private long rekeyAtNanos = Long.MAX_VALUE;
    /** The peer's IKE rekey, answered while ours was in flight: the other half of a collision (RFC 7296 §2.8.2). */
    private IkeSession collidingRekey;
    private long droppedFragments;
    /** The fragments of the peer's next request, and of its answer to ours. */
    private final FragmentReassembly requestFragments;
    private final FragmentReassembly responseFragments;

    IkeSession(final IkeContext ctx, final IkeSaRecord sa, final GatewayPolicy gateway,
               final List<GatewayPolicy> candidates, final State initial) {
        this.ctx = ctx;
        this.sa = sa;
        this.gateway = gateway;
        this.candidates = List.copyOf(candidates);
        this.state = initial;
        this.createdNanos = ctx.now();
        sa.heard(createdNanos);
        this.requestFragments = new FragmentReassembly(ctx.timing().fragments().reassemblyNanos());
        this.responseFragments = new FragmentReassembly(ctx.timing().fragments().reassemblyNanos());
    }

    public State state() {
        return state;
    }

    public IkeSaRecord sa() {
        return sa;
    }

    public GatewayPolicy gateway() {
        return gateway;
    }

    /** The child SAs installed now. */
    public List<ChildSaRecord> childSas() {
        return children.stream().filter(c -> c.state() != ChildSession.State.DELETED).map(ChildSession::sa).toList();
    }

    /** Since the first message of the SA, by the engine's clock. */
    public long ageNanos() {
        return ctx.now() - createdNanos;
    }

    public boolean established() {
        return announced && state != State.CLOSED;
    }

    boolean closed() {
        return state == State.CLOSED;
    }

    String peer() {
        return sa.remote().getAddress().getHostAddress();
    }

    /** The admin's trace of this SA's gateway ({@code debug ike gateway G on}), looked up each time: it may change. */
    IkeTrace trace() {
        return ctx.trace(gateway.name());
    }

    // ---- sending

    /** Sends an encrypted request of ours and waits for its answer in {@code next}. */
    void request(final ExchangeType exchange, final List<? extends IkePayload> payloads, final Pending what,
                 final State next) {
        final long id = sa.takeRequestId();
        final IkeHeader header = IkeHeader.of(sa.initiatorSpi(), sa.responderSpi(), exchange, sa.weInitiated(), false, id);
        sendRequestBytes(id, protect(IkeMessage.protectedBySk(header, payloads)), payloads, what, next);
    }

    /** A request already encoded (IKE_SA_INIT in the clear, or the datagrams of a protected one) of {@code payloads}. */
    void sendRequestBytes(final long id, final List<byte[]> datagrams, final List<? extends IkePayload> payloads,
                          final Pending what, final State next) {
        pending = what;
        state = next;
        sa.retransmission().started(id, datagrams, sa.local(), sa.remote(), ctx.now());
        send(sa.local(), sa.remote(), datagrams, payloads);
    }

    /**
     * The datagrams of a protected message: one SK message, or SKF fragments when fragmentation was negotiated and
     * it would not fit one datagram of the configured size (RFC 7383 §2.5).
     */
    private List<byte[]> protect(final IkeMessage message) {
        return sa.fragmentation()
            ? message.encodeFragments(sa.keys(), ctx.random(), ctx.timing().fragments().maxMessage(sa.local()))
            : List.of(message.encode(sa.keys(), ctx.random()));
    }

    /** A duplicate request: our cached answer again, every fragment of it. */
    private void reanswer(final InetSocketAddress from, final InetSocketAddress to, final List<byte[]> answer) {
        for (final byte[] datagram : answer) {
            trace().reanswered(datagram, from, to);
            ctx.transport().send(from, to, datagram);
        }
    }

    /** Each datagram (a fragment is one) is traced on its own line. */
    private void send(final InetSocketAddress from, final InetSocketAddress to, final List<byte[]> datagrams,
                      final List<? extends IkePayload> payloads) {
        for (final byte[] datagram : datagrams) {
            trace().sent(datagram, payloads, from, to);
            ctx.transport().send(from, to, datagram);
        }
    }

    /** Answers the peer's request (to where it came from, RFC 7296 §2.11) and caches the answer for duplicates. */
    void respond(final IkeHeader request, final List<? extends IkePayload> payloads, final InetSocketAddress from,
                 final InetSocketAddress to) {
        final IkeHeader header = IkeHeader.of(sa.initiatorSpi(), sa.responderSpi(), request.exchangeType(),
            sa.weInitiated(), true, request.messageId());
        final List<byte[]> datagrams = protect(IkeMessage.protectedBySk(header, payloads));
        sa.answered(request.messageId(), datagrams);
        send(to, from, datagrams, payloads);
    }

    // ---- receiving

    /** An authenticated message (or IKE_SA_INIT response in the clear) for this SA. */
    void onMessage(final IkeMessage message, final byte[] raw, final InetSocketAddress from, final InetSocketAddress to) {
        if (state == State.CLOSED) {
            return;
        }
        final IkeHeader header = message.header();
        trace().received(message, raw.length, to, from);
        if (header.response()) {
            final Retransmission outstanding = sa.retransmission();
            if (!outstanding.outstanding() || outstanding.messageId() != header.messageId()) {
                LOG.log(Level.DEBUG, "{0}: unexpected response {1} in {2}", gateway, header, state);
                return;
            }
            sa.heard(ctx.now());
            followPeer(from, to);
            outstanding.answered();
            final Pending what = pending;
            pending = null;
            switch (what) {
                case Pending.Init init -> SaInitExchange.onResponse(this, init, message, raw, from, to);
                case Pending.Auth auth -> AuthExchange.onResponse(this, auth, message);
                case Pending.CreateChild create -> CreateChildExchange.onResponse(this, create, message);
                case Pending.RekeyIke rekey -> IkeRekeyExchange.onResponse(this, rekey, message);
                case Pending.DeleteChild delete -> InformationalExchange.onDeleteChildResponse(this, delete);
                case Pending.DeleteIke delete -> close("IKE SA deleted: " + delete.reason());
                case Pending.Liveness liveness -> {
                    trace().decision("dpd", "alive", sa.remote());
                    idle();
                }
            }
            return;
        }
        final List<byte[]> cached = sa.cachedResponse(header.messageId());
        if (!cached.isEmpty()) {
            LOG.log(Level.DEBUG, "{0}: duplicate request {1}, resending our answer", gateway, header);
            reanswer(to, from, cached);
            return;
        }
        if (header.messageId() != sa.nextPeerRequestId()) {
            LOG.log(Level.DEBUG, "{0}: request {1} outside the window (expected #{2})", gateway, header,
                String.valueOf(sa.nextPeerRequestId()));
            return;
        }
        sa.heard(ctx.now());
        followPeer(from, to);
        final ExchangeType exchange = header.exchangeType();
        if (state == State.CREATE_IKE_REMOTE_AUTH) {
            if (exchange.equals(ExchangeType.IKE_AUTH)) {
                AuthExchange.onRequest(this, message, from, to);
            }
            return;
        }
        if (!announced) {
            return;
        }
        if (state == State.REKEYED && !exchange.equals(ExchangeType.INFORMATIONAL)) {
            respond(header, List.of(NotifyPayload.of(NotifyType.TEMPORARY_FAILURE, Bytes.EMPTY)), from, to);
        } else if (exchange.equals(ExchangeType.CREATE_CHILD_SA)) {
            CreateChildExchange.onRequest(this, message, from, to);
        } else if (exchange.equals(ExchangeType.INFORMATIONAL)) {
            InformationalExchange.onRequest(this, message, from, to);
        } else {
            respond(header, List.of(NotifyPayload.of(NotifyType.INVALID_SYNTAX, Bytes.EMPTY)),
                from, to);
        }
    }

    /**
     * An authenticated SKF fragment: kept until its message is complete, which is then returned to be processed as if
     * it had arrived whole. Only fragments of the message we wait for are kept — the answer to our outstanding request,
     * or the peer's next request; fragment 1 of a request we already answered resends our answer (RFC 7383 §2.6.1).
     * Anything else, and any fragment of an IKE SA that did not negotiate fragmentation, is dropped.
     */
    Optional<IkeDecodeResult> onFragment(final IkeDecodeResult.Fragment fragment, final InetSocketAddress from,
                                         final InetSocketAddress to) {
        final IkeHeader header = fragment.header();
        final FragmentReassembly reassembly;
        if (state == State.CLOSED) {
            return Optional.empty();
        } else if (!sa.fragmentation()) {
            return dropFragment(fragment, from, "fragmentation was not negotiated");
        } else if (header.response()) {
            final Retransmission outstanding = sa.retransmission();
            if (!outstanding.outstanding() || outstanding.messageId() != header.messageId()) {
                return dropFragment(fragment, from, "not the answer we wait for");
            }
            reassembly = responseFragments;
        } else if (!sa.cachedResponse(header.messageId()).isEmpty()) {
            if (fragment.fragmentNumber() == 1) {
                LOG.log(Level.DEBUG, "{0}: duplicate request {1} (fragmented), resending our answer", gateway, header);
                reanswer(to, from, sa.cachedResponse(header.messageId()));
            }
            return Optional.empty();
        } else if (header.messageId() != sa.nextPeerRequestId()) {
            return dropFragment(fragment, from, "request outside the window (expected #" + sa.nextPeerRequestId() + ")");
        } else {
            reassembly = requestFragments;
        }
        return switch (reassembly.add(fragment, ctx.now())) {
            case FragmentReassembly.Outcome.Complete complete -> Optional.of(complete.message());
            case FragmentReassembly.Outcome.Dropped dropped -> dropFragment(fragment, from, dropped.reason());
            case FragmentReassembly.Outcome.Waiting waiting -> Optional.empty();
        };
    }

    private Optional<IkeDecodeResult> dropFragment(final IkeDecodeResult.Fragment fragment,
                                                   final InetSocketAddress from, final String why) {
        droppedFragments++;
        LOG.log(Level.DEBUG, "{0}: fragment {1}/{2} of {3} from {4} dropped: {5}", gateway,
            String.valueOf(fragment.fragmentNumber()), String.valueOf(fragment.totalFragments()), fragment.header(),
            from, why);
        return Optional.empty();
    }

    /** Authenticated SKF fragments this IKE SA did not keep (duplicates, outside the window, over the limits). */
    public long droppedFragments() {
        return droppedFragments;
    }

    /** Authenticated, but its protected content is wrong: a request gets the error notify back. */
    void onProtectedError(final IkeDecodeResult.ProtectedError error, final InetSocketAddress from,
                          final InetSocketAddress to) {
        LOG.log(Level.WARNING, "{0}: peer {1} sent a malformed {2}: {3}", gateway, peer(), error.header(), error.reason());
        trace().decision("message", "malformed", error.reason());
        if (!error.header().response() && error.header().messageId() == sa.nextPeerRequestId()) {
            respond(error.header(), List.of(error.answer()), from, to);
            if (state == State.CREATE_IKE_REMOTE_AUTH) {
                close("malformed IKE_AUTH");
            }
        }
    }

    /**
     * After NAT detection the peer's address and port may change under us (RFC 7296 §2.23): follow the source of
     * its latest authenticated message, on the socket it reached.
     */
    private void followPeer(final InetSocketAddress from, final InetSocketAddress to) {
        if (sa.hasKeys() && sa.nat().detected() && (!from.equals(sa.remote()) || !to.equals(sa.local()))) {
            LOG.log(Level.INFO, "{0}: peer now at {1} (our {2})", gateway, from, to);
            trace().decision("nat", "peer-moved", from);
            sa.endpoints(to, from);
        }
    }

    // ---- the local queue

    void enqueue(final LocalRequest request) {
        queue.add(request);
        if (state == State.IDLE) {
            startNext();
        }
    }

    /** Back to IDLE after an exchange of ours; starts the next queued request. */
    void idle() {
        state = State.IDLE;
        startNext();
    }

    private void startNext() {
        while (state == State.IDLE && !queue.isEmpty()) {
            switch (queue.poll()) {
                case LocalRequest.CreateChild create -> CreateChildExchange.start(this, create.policy());
                case LocalRequest.RekeyChild rekey -> CreateChildExchange.rekey(this, rekey.child());
                case LocalRequest.RekeyIke rekey -> IkeRekeyExchange.start(this);
                case LocalRequest.DeleteChild delete -> InformationalExchange.deleteChild(this, delete.child(), delete.reason());
                case LocalRequest.DeleteIke delete -> InformationalExchange.deleteIke(this, delete.reason());
                case LocalRequest.Liveness liveness -> InformationalExchange.liveness(this);
            }
        }
    }

    // ---- results

    /** The IKE SA authenticated both ways. */
    void established(final State next) {
        state = next;
        announced = true;
        lifetimeStarts();
        LOG.log(Level.INFO, "{0}: IKE SA {1} established ({2}; {3}; {4}; IKE on {5}{6})", gateway, spis(),
            sa.weInitiated() ? "we initiated" : "peer initiated", sa.suite(), sa.nat(), String.valueOf(sa.local().getPort()),
            sa.fragmentation() ? ", fragmented when large" : "");
        final IkeTrace trace = trace();
        if (trace.on()) {
            trace.decision("ike-sa", "established", spis() + " " + sa.suite() + ", " + sa.nat()
                + (sa.weInitiated() ? ", we initiated" : ", peer initiated")
                + (sa.fragmentation() ? ", fragmentation" : ""));
        }
        ctx.listener().ikeSaUp(gateway, sa);
    }

    private void lifetimeStarts() {
        final long now = ctx.now();
        final long lifetime = TimeUnit.SECONDS.toNanos(gateway.ikeProfile().lifetime().toSeconds());
        sa.expiresAt(now + lifetime);
        rekeyAtNanos = SoftLifetime.rekeyAt(now, lifetime, ctx.random());
    }

    /**
     * This IKE SA, new from a rekey of {@code old}, takes over: the old SA's child SAs and queued child requests move
     * here (RFC 7296 §2.18), and the old one is marked replaced so its end is no outage.
     */
    void takeOver(final IkeSession old) {
        announced = true;
        state = State.IDLE;
        lifetimeStarts();
        old.replaced = true;
        children.addAll(old.children);
        old.children.clear();
        old.queue.removeIf(r -> r.aboutChildren() && queue.add(r));
        LOG.log(Level.INFO, "{0}: IKE SA {1} rekeyed to {2} ({3})", gateway, old.spis(), spis(),
            sa.weInitiated() ? "we rekeyed" : "peer rekeyed");
        final IkeTrace trace = trace();
        if (trace.on()) {
            trace.decision("rekey", "ike-sa-replaced", old.spis() + " -> " + spis() + " " + sa.suite()
                + (sa.weInitiated() ? ", we rekeyed" : ", peer rekeyed"));
        }
        ctx.listener().ikeSaRekeyed(gateway, old.sa, sa);
        ctx.register(this);
        startNext();
    }

    boolean replaced() {
        return replaced;
    }

    /** A new IKE SA from colliding rekeys, not yet known to survive: it answers the peer but holds no children. */
    void standby() {
        announced = true;
    }

    /** This new IKE SA lost a rekey collision: it is deleted (by whoever created it) and its end is no outage. */
    void redundant() {
        replaced = true;
    }

    /** The peer rekeyed this IKE SA: its Delete of it is due. */
    void rekeyedByPeer() {
        state = State.REKEYED;
    }

    void rekeyAt(final long at) {
        rekeyAtNanos = at;
    }

    void collidingRekey(final IkeSession theirs) {
        collidingRekey = theirs;
    }

    /** The peer's IKE SA rekey that crossed ours, taken once. */
    Optional<IkeSession> takeCollidingRekey() {
        final Optional<IkeSession> theirs = Optional.ofNullable(collidingRekey);
        collidingRekey = null;
        return theirs;
    }

    /** Whether our exchange in flight is a rekey of {@code child} (not merely queued). */
    boolean rekeyInFlight(final ChildSession child) {
        return pending instanceof Pending.CreateChild create && create.rekeyed().filter(c -> c == child).isPresent();
    }

    /** Whether any of our child exchanges (create, rekey, delete) is in flight: the IKE SA may not be rekeyed now. */
    boolean childExchangeInFlight() {
        return pending instanceof Pending.CreateChild || pending instanceof Pending.DeleteChild;
    }

    /**
     * Programs the inbound SA of a negotiated pair (make-before-break: before the answer or the switch that makes the
     * peer send on it); {@link #activate} switches the outbound SA. {@code ni}/{@code nr} are the exchange's nonces.
     */
    ChildSession install(final ChildPolicy policy, final ChildSaRecord record, final Bytes ni, final Bytes nr) {
        final boolean udp = switch (policy.tunnel().espInUdp()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> gateway.natTraversal() && sa.nat().detected();
        };
        final int peerPort = sa.remote().getPort() == IkePorts.IKE ? IkePorts.NAT_T : sa.remote().getPort();
        final EstablishedChild child = new EstablishedChild(gateway, policy, record, sa.local().getAddress(),
            sa.remote().getAddress(), udp ? IkePorts.NAT_T : 0, udp ? peerPort : 0);
        final ChildSession session = new ChildSession(policy, record, child, ni, nr);
        children.add(session);
        trace().decision("child-sa", "inbound-installed", child);
        ctx.listener().inboundSaUp(child);
        return session;
    }

    /** The pair sends from now on; its keys leave the control plane. */
    void activate(final ChildSession child) {
        final long lifetime = child.sa().expiresAtNanos() - ctx.now();
        child.installed(SoftLifetime.rekeyAt(ctx.now(), Math.max(lifetime, 0), ctx.random()));
        LOG.log(Level.INFO, "{0}: {1} up, selectors {2}", gateway, child.established(),
            TsNarrowing.describe(child.sa().localTs(), child.sa().remoteTs()));
        trace().decision("child-sa", "installed", child.established());
        ctx.listener().outboundSaUp(child.established());
        child.sa().wipe();
    }

    /** The child is gone (deleted by either side or with the IKE SA): out of the data plane, SPI free. */
    void remove(final ChildSession child, final String why) {
        if (child.deleted()) {
            LOG.log(Level.INFO, "{0}: {1} down: {2}", gateway, child.established(), why);
            final IkeTrace trace = trace();
            if (trace.on()) {
                trace.decision("child-sa", "deleted", child.established() + ": " + why);
            }
            ctx.listener().childSaDown(child.established());
            ctx.spis().releaseChild(child.sa().inboundSpi());
            child.sa().wipe();
        }
        children.remove(child);
    }

    /**
     * A deleted pair: a rekeyed one keeps its inbound SA for the grace period (the peer may still have packets on the
     * way with the old SPI); any other goes at once.
     */
    void deleted(final ChildSession child, final String why) {
        final ChildSession successor = child.successor();
        if (successor == null) {
            remove(child, why);
            return;
        }
        if (successor.state() == ChildSession.State.INBOUND_ONLY) {
            // We answered the rekey: the initiator deleting the old pair is our cue to send with the new one.
            activate(successor);
        }
        LOG.log(Level.INFO, "{0}: {1} rekeyed and deleted ({2}); inbound kept for the grace period", gateway,
            child.established(), why);
        final IkeTrace trace = trace();
        if (trace.on()) {
            trace.decision("rekey", "child-replaced", child.established() + " replaced by " + successor.established()
                + "; old inbound kept for the grace period");
        }
        child.retiring(ctx.now() + ctx.timing().rekeyGraceNanos());
    }

    Optional<ChildSession> childByOutboundSpi(final int spi) {
        return children.stream().filter(c -> c.sa().outboundSpi() == spi).findFirst();
    }

    /** A negotiation failed: the admin's line, logged and handed to the listener. */
    void report(final String explanation) {
        LOG.log(Level.WARNING, "{0}: {1}", gateway, explanation);
        trace().decision("failure", "reported", explanation);
        ctx.listener().failed(gateway.name(), explanation);
    }

    /** Reports and ends the IKE SA. */
    void fail(final String explanation) {
        report(explanation);
        close(explanation);
    }

    /** Ends the IKE SA here (no message): children out of the data plane, keys wiped. */
    void close(final String why) {
        if (state == State.CLOSED) {
            return;
        }
        for (final ChildSession child : List.copyOf(children)) {
            remove(child, why);
        }
        state = State.CLOSED;
        trace().decision("ike-sa", "closed", why);
        if (announced && !replaced) {
            LOG.log(Level.INFO, "{0}: IKE SA {1} closed: {2}", gateway, spis(), why);
            ctx.listener().ikeSaDown(gateway, sa);
        } else if (replaced) {
            LOG.log(Level.INFO, "{0}: rekeyed IKE SA {1} deleted", gateway, spis());
        }
        sa.wipe();
    }

    /** Engine shutdown or the gateway gone from the config: tell the peer once (no retransmission), then close. */
    void shutdown(final String why) {
        if (announced && state != State.CLOSED) {
            InformationalExchange.announceDelete(this);
        }
        close(why);
    }

    /** The admin's delete: established, an INFORMATIONAL Delete the peer answers; still negotiating, just closed. */
    void delete(final String why) {
        if (established()) {
            enqueue(new LocalRequest.DeleteIke(why));
        } else {
            close(why);
        }
    }

    /**
     * The gateway's tunnels changed: children the new policy has no more are deleted, new ones negotiated; a changed
     * tunnel's child is both (the new one first, so its traffic moves over before the old one goes).
     */
    void reconfigure(final GatewayPolicy now) {
        final GatewayPolicy before = gateway;
        gateway = now;
        for (final ChildPolicy child : now.children()) {
            if (!before.children().contains(child)) {
                enqueue(new LocalRequest.CreateChild(child));
            }
        }
        for (final ChildSession child : List.copyOf(children)) {
            if (child.state() == ChildSession.State.INSTALLED && !now.children().contains(child.policy())) {
                child.deleting();
                enqueue(new LocalRequest.DeleteChild(child, "its tunnel's configuration changed"));
            }
        }
    }

    /** New child SAs for the tunnel's installed ones, then the old deleted (make-before-break); whether any. */
    boolean renegotiate(final String tunnel, final String reason) {
        final List<ChildSession> old = children.stream().filter(c -> c.state() == ChildSession.State.INSTALLED
            && c.policy().tunnel().name().equals(tunnel)).toList();
        for (final ChildSession child : old) {
            enqueue(new LocalRequest.CreateChild(child.policy()));
        }
        for (final ChildSession child : old) {
            child.deleting();
            enqueue(new LocalRequest.DeleteChild(child, reason));
        }
        return !old.isEmpty();
    }

    /** {@link IkeEngine#deleteChild}: whether this IKE SA holds the pair, not yet being deleted. */
    boolean deleteChild(final EstablishedChild established, final String reason) {
        for (final ChildSession child : children) {
            if (child.established() == established && child.state() != ChildSession.State.DELETE_CHILD_LOCAL_INFO
                && child.state() != ChildSession.State.RETIRING && child.state() != ChildSession.State.DELETED) {
                child.deleting();
                enqueue(new LocalRequest.DeleteChild(child, reason));
                return true;
            }
        }
        return false;
    }

    String spis() {
        return String.format("%016x/%016x", sa.initiatorSpi(), sa.responderSpi());
    }

    // ---- time

    void tick(final long now) {
        if (state == State.CLOSED) {
            return;
        }
        switch (sa.retransmission().check(now)) {
            case RESEND -> {
                final Retransmission r = sa.retransmission();
                LOG.log(Level.DEBUG, "{0}: retransmitting request #{1} ({2} sent)", gateway, String.valueOf(r.messageId()), r.sent());
                for (final byte[] again : r.resend(now)) {
                    trace().retransmitted(again, r.from(), r.to(), r.sent());
                    ctx.transport().send(r.from(), r.to(), again);
                }
            }
            case GIVE_UP -> {
                giveUp();
                return;
            }
            case NOTHING -> {
            }
        }
        if (requestFragments.expire(now) | responseFragments.expire(now)) { // both, not short-circuit
            LOG.log(Level.DEBUG, "{0}: an incomplete fragmented message from {1} expired", gateway, peer());
        }
        if (state == State.CREATE_IKE_REMOTE_AUTH && now - createdNanos > ctx.timing().halfOpenNanos()) {
            close("half-open IKE SA from " + peer() + " expired without IKE_AUTH");
            return;
        }
        if (!announced) {
            return;
        }
        if (now - sa.expiresAtNanos() >= 0) {
            if (queue.stream().noneMatch(r -> r instanceof LocalRequest.DeleteIke)) {
                enqueue(new LocalRequest.DeleteIke("hard lifetime of ike-crypto-profile " + gateway.ikeProfile().name()
                    + " reached without a rekey"));
            }
            return;
        }
        if (replaced || state == State.REKEYED) {
            return;
        }
        for (final ChildSession child : List.copyOf(children)) {
            tick(child, now);
        }
        if (now - rekeyAtNanos >= 0) {
            rekeyAtNanos = Long.MAX_VALUE;
            enqueue(LocalRequest.RekeyIke.INSTANCE);
        }
        final var ikev2 = gateway.gateway().ikev2();
        if (ikev2.dpdEnabled() && state == State.IDLE && queue.isEmpty()
            && now - sa.lastHeardNanos() > TimeUnit.SECONDS.toNanos(ikev2.dpdInterval())) {
            final IkeTrace trace = trace();
            if (trace.on()) {
                trace.decision("dpd", "probe", "nothing from peer " + peer() + " for "
                    + TimeUnit.NANOSECONDS.toSeconds(now - sa.lastHeardNanos()) + " s (dpd interval "
                    + ikev2.dpdInterval() + " s): liveness check");
            }
            enqueue(LocalRequest.Liveness.INSTANCE);
        }
        if (sa.nat().detected() && sa.local().getPort() == IkePorts.NAT_T && now - nextKeepaliveNanos >= 0) {
            ctx.transport().sendKeepalive(sa.local(), sa.remote());
            nextKeepaliveNanos = now + TimeUnit.SECONDS.toNanos(gateway.gateway().natTraversal().keepAliveInterval());
        }
    }

    private void tick(final ChildSession child, final long now) {
        final boolean expired = now - child.sa().expiresAtNanos() >= 0;
        switch (child.state()) {
            case INSTALLED -> {
                if (expired) {
                    child.deleting();
                    enqueue(new LocalRequest.DeleteChild(child, "hard lifetime reached without a rekey"));
                    if (gateway.initiates()) {
                        enqueue(new LocalRequest.CreateChild(child.policy()));
                    }
                } else if (now - child.rekeyAtNanos() >= 0) {
                    child.rekeying();
                    enqueue(new LocalRequest.RekeyChild(child));
                }
            }
            case INBOUND_ONLY -> {
                if (now - child.deadlineNanos() >= 0) {
                    LOG.log(Level.INFO, "{0}: {1}: the peer did not delete the SA it rekeyed; sending with the new one",
                        gateway, child.established());
                    activate(child);
                }
            }
            case REKEYED, REDUNDANT -> {
                if (expired) {
                    child.deleting();
                    enqueue(new LocalRequest.DeleteChild(child, "hard lifetime of a replaced SA reached"));
                }
            }
            case RETIRING -> {
                if (now - child.deadlineNanos() >= 0) {
                    remove(child, "grace period after the rekey ended");
                }
            }
            case REKEY_CHILD_LOCAL_CREATE, DELETE_CHILD_LOCAL_INFO, DELETED -> {
            }
        }
    }

    private void giveUp() {
        final Retransmission r = sa.retransmission();
        r.answered();
        if (state == State.CREATE_IKE_LOCAL_INIT) {
            fail("no answer from peer " + sa.remote() + " to IKE_SA_INIT after " + r.sent()
                + " transmissions: check peer-address, that the peer speaks IKEv2 and that UDP 500 and 4500 pass");
        } else if (state == State.LIVENESS_LOCAL_INFO) {
            fail("dead peer: " + peer() + " did not answer a liveness check (sent " + r.sent() + " times, dpd interval "
                + gateway.gateway().ikev2().dpdInterval() + " s): IKE SA and its child SAs torn down"
                + (gateway.initiates() ? ", reconnecting" : " (passive: waiting for the peer)"));
        } else {
            fail("peer " + peer() + " stopped answering (" + state + ", request #" + r.messageId() + " sent "
                + r.sent() + " times): IKE SA and its child SAs are gone");
        }
    }

    @Override
    public String toString() {
        return gateway + " " + sa + " " + state;
    }
}
