package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.exchange.Cookies;
import io.xgate.controlplane.ike.message.ExchangeType;
import io.xgate.controlplane.ike.message.IkeDecodeResult;
import io.xgate.controlplane.ike.message.IkeHeader;
import io.xgate.controlplane.ike.message.IkeMessage;
import io.xgate.controlplane.ike.policy.GatewayPolicy;
import io.xgate.controlplane.ike.trace.IkeTrace;
import io.xgate.controlplane.ike.trace.IkeTracing;
import io.xgate.dataplane.packet.IpAddress;
import org.agrona.concurrent.NanoClock;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * All IKE SAs of the gateway, on one thread: datagrams in ({@link #onDatagram}), time passing ({@link #doWork}),
 * datagrams out through the {@link IkeTransport}, results to the {@link IkeListener}. Sessions are found by our
 * SPI; a new IKE_SA_INIT request from a configured peer makes a half-open session (capped; past a threshold every
 * initiator must return a cookie). Gateways that initiate are (re)connected until the engine closes. The gateways
 * follow the config: added, removed or given other child SAs one at a time, leaving the other IKE SAs alone.
 * Randomness, clock and transport are injected, so two engines in a test replay whole exchanges.
 */
public final class IkeEngine implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(IkeEngine.class.getName());
    /**
     * How often every session's timers are looked at. A busy control loop calls {@link #doWork()} for each few
     * datagrams; visiting thousands of sessions each time cost more than the setups themselves, while IKE's timers
     * count in seconds (the first retransmission comes after one).
     */
    private static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final IkeContext ctx;
    private final List<GatewayPolicy> policies;
    private final Cookies cookies;
    private final Map<Long, IkeSession> sessions = new HashMap<>();
    /** Half-open responder sessions by initiator address and SPI, so a retransmitted IKE_SA_INIT finds its answer. */
    private final Map<HalfOpenKey, IkeSession> halfOpen = new LinkedHashMap<>();
    /** When each initiating gateway may (re)connect next, in {@link NanoClock} time. */
    private final Map<GatewayPolicy, Long> nextAttempt = new HashMap<>();
    private long nextSweepNanos;

    private record HalfOpenKey(InetSocketAddress peer, long initiatorSpi) {
    }

    public IkeEngine(final List<GatewayPolicy> policies, final IkeTransport transport, final IkeListener listener,
                     final SecureRandom random, final NanoClock clock, final IkeTiming timing,
                     final IkeTracing tracing) {
        this.ctx = new IkeContext(random, clock, transport, listener, timing, new Spis(random),
            session -> sessions.put(session.sa.localSpi(), session), tracing);
        this.policies = new ArrayList<>(policies);
        this.cookies = new Cookies(random);
        final long now = clock.nanoTime();
        this.nextSweepNanos = now;
        for (final GatewayPolicy policy : policies) {
            connectFrom(policy, now);
        }
    }

    private void connectFrom(final GatewayPolicy policy, final long when) {
        if (policy.initiates() && !policy.children().isEmpty()) {
            nextAttempt.put(policy, when);
        }
    }

    /** A gateway the config gained; one that initiates connects on the next round. */
    public void addGateway(final GatewayPolicy policy) {
        policies.add(policy);
        connectFrom(policy, ctx.now());
    }

    /**
     * A gateway the config lost: its IKE SA ends now — the peer is told once, its child SAs leave the data plane —
     * and it is not reconnected. A half-open SA that might turn out to be this gateway's goes too.
     */
    public void removeGateway(final String name, final String reason) {
        policies.removeIf(p -> p.name().equals(name));
        nextAttempt.keySet().removeIf(p -> p.name().equals(name));
        for (final IkeSession session : sessions.values()) {
            if (session.gateway.name().equals(name) || session.candidates.stream().anyMatch(p -> p.name().equals(name))) {
                session.shutdown(reason);
            }
        }
    }

    /**
     * The same gateway with other child SAs (a tunnel using it was added, removed or changed): an established IKE
     * SA negotiates the new children and deletes the dropped ones and stays up; one still negotiating starts over.
     */
    public void updateChildren(final GatewayPolicy policy) {
        policies.replaceAll(p -> p.name().equals(policy.name()) ? policy : p);
        nextAttempt.keySet().removeIf(p -> p.name().equals(policy.name()));
        connectFrom(policy, ctx.now());
        for (final IkeSession session : sessions.values()) {
            if (session.gateway.name().equals(policy.name()) && !session.closed()) {
                if (session.established()) {
                    session.reconfigure(policy);
                } else {
                    session.shutdown("its tunnels changed during the negotiation; starting over");
                }
            }
        }
    }

    /**
     * New child SAs for {@code tunnel} at once, the old ones deleted after them (make-before-break); a gateway of
     * the tunnel that initiates and has no IKE SA connects now. Returns whether anything was started.
     */
    public boolean renegotiate(final String tunnel, final String reason) {
        boolean started = false;
        for (final GatewayPolicy policy : policies) {
            if (policy.children().stream().noneMatch(c -> c.tunnel().name().equals(tunnel))) {
                continue;
            }
            final Optional<IkeSession> session = sessionOf(policy.name());
            if (session.isPresent() && session.get().established()) {
                started |= session.get().renegotiate(tunnel, reason);
            } else if (session.isEmpty() && nextAttempt.containsKey(policy)) {
                nextAttempt.put(policy, ctx.now());
                started = true;
            }
        }
        return started;
    }

    /**
     * Deletes one negotiated child SA pair at the peer (an INFORMATIONAL Delete, queued like any of ours) because the
     * owner could not program it, e.g. for want of counters. Call it once the exchange that created the pair is over,
     * not from within the listener's callback. Returns whether the pair was still there to delete.
     */
    public boolean deleteChild(final EstablishedChild child, final String reason) {
        for (final IkeSession session : sessions.values()) {
            if (!session.closed() && session.deleteChild(child, reason)) {
                return true;
            }
        }
        return false;
    }

    /** {@code test vpn ike-sa}: negotiates the gateway's IKE SA now, unless it has one; false when it has one. */
    public boolean initiate(final String gateway) {
        final GatewayPolicy policy = policy(gateway);
        if (sessionOf(gateway).isPresent()) {
            return false;
        }
        if (policy.peerAddress().isEmpty()) {
            throw new IllegalArgumentException("ike-gateway " + gateway + " has no peer address to initiate to");
        }
        initiate(policy);
        return true;
    }

    /**
     * {@code clear vpn ike-sa}: deletes the gateway's IKE SA with an INFORMATIONAL Delete to the peer (a
     * negotiation in progress just ends); an initiating gateway reconnects after the reconnect delay. False when
     * there is none.
     */
    public boolean delete(final String gateway, final String reason) {
        policy(gateway);
        final Optional<IkeSession> session = sessionOf(gateway);
        session.ifPresent(s -> s.delete(reason));
        return session.isPresent();
    }

    private GatewayPolicy policy(final String gateway) {
        return policies.stream().filter(p -> p.name().equals(gateway)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("ike-gateway " + gateway + " is not an IKEv2 gateway here"));
    }

    /** The live session of the gateway named so, in either role. */
    public Optional<IkeSession> sessionOf(final String gateway) {
        return sessions.values().stream().filter(s -> s.gateway.name().equals(gateway) && !s.closed()).findFirst();
    }

    /** One round: retransmissions, expiries, liveness, keepalives, reconnects. Returns how much happened. */
    public int doWork() {
        final long now = ctx.now();
        int work = 0;
        if (now - nextSweepNanos >= 0) {
            nextSweepNanos = now + SWEEP_NANOS;
            for (final IkeSession session : List.copyOf(sessions.values())) {
                session.tick(now);
            }
        }
        for (final Iterator<IkeSession> it = sessions.values().iterator(); it.hasNext(); ) {
            final IkeSession session = it.next();
            if (session.closed()) {
                it.remove();
                ctx.spis().releaseIke(session.sa.localSpi());
                if (nextAttempt.containsKey(session.gateway)) {
                    nextAttempt.put(session.gateway, now + ctx.timing().reconnectNanos());
                }
                work++;
            }
        }
        halfOpen.values().removeIf(s -> s.state() != IkeSession.State.CREATE_IKE_REMOTE_AUTH);
        for (final Map.Entry<GatewayPolicy, Long> e : nextAttempt.entrySet()) {
            if (now - e.getValue() >= 0 && sessionOf(e.getKey()).isEmpty()) {
                initiate(e.getKey());
                e.setValue(now + ctx.timing().reconnectNanos());
                work++;
            }
        }
        return work;
    }

    private void initiate(final GatewayPolicy policy) {
        final long spi = ctx.spis().ikeSpi();
        LOG.log(Level.INFO, "{0}: initiating to {1}", policy, policy.peerAddress().orElseThrow());
        sessions.put(spi, SaInitExchange.initiate(ctx, policy, spi));
    }

    /** The live (not closed, not replaced by a rekey) session of a gateway, in either role. */
    public Optional<IkeSession> sessionOf(final GatewayPolicy policy) {
        return sessions.values().stream().filter(s -> s.gateway == policy && !s.closed() && !s.replaced()).findFirst();
    }

    public List<IkeSession> sessions() {
        return List.copyOf(sessions.values());
    }

    public int halfOpenCount() {
        halfOpen.values().removeIf(s -> s.state() != IkeSession.State.CREATE_IKE_REMOTE_AUTH);
        return halfOpen.size();
    }

    /**
     * A datagram from {@code from} that arrived at our socket {@code to} (the non-ESP marker already removed).
     * Never throws on what the network sends.
     */
    public void onDatagram(final InetSocketAddress from, final InetSocketAddress to, final byte[] datagram) {
        if (datagram.length < IkeHeader.LENGTH) {
            return;
        }
        final ByteBuffer header = ByteBuffer.wrap(datagram);
        final long spiI = header.getLong(0);
        final long spiR = header.getLong(8);
        final int exchange = datagram[18] & 0xFF;
        final boolean response = (datagram[19] & 0x20) != 0;
        final boolean fromInitiator = (datagram[19] & 0x08) != 0;
        if (exchange == ExchangeType.IKE_SA_INIT.value() && !response && spiR == 0) {
            onInitRequest(from, to, datagram, spiI);
            return;
        }
        final IkeSession session = sessions.get(fromInitiator ? spiR : spiI);
        if (session == null || session.closed()) {
            LOG.log(Level.DEBUG, "datagram from {0} for no IKE SA of ours", from);
            return;
        }
        final boolean init = exchange == ExchangeType.IKE_SA_INIT.value();
        if (init != (session.state() == IkeSession.State.CREATE_IKE_LOCAL_INIT)
            || (init && !from.getAddress().equals(session.sa.remote().getAddress()))) {
            return;
        }
        dispatch(session, session.sa.hasKeys() && !init ? IkeMessage.decode(datagram, session.sa.keys())
            : IkeMessage.decode(datagram), datagram, from, to);
    }

    /**
     * A decoded datagram to its session; a fragment that completes a message dispatches the whole message (with the
     * last fragment as its raw datagram, which only IKE_SA_INIT — never fragmented — looks at).
     */
    private static void dispatch(final IkeSession session, final IkeDecodeResult result, final byte[] datagram,
                                 final InetSocketAddress from, final InetSocketAddress to) {
        switch (result) {
            case IkeDecodeResult.Ok ok -> session.onMessage(ok.message(), datagram, from, to);
            case IkeDecodeResult.ProtectedError error -> session.onProtectedError(error, from, to);
            case IkeDecodeResult.UnprotectedError error ->
                LOG.log(Level.DEBUG, "{0}: dropped a datagram from {1}: {2}", session.gateway, from, error.reason());
            case IkeDecodeResult.Fragment fragment -> session.onFragment(fragment, from, to)
                .ifPresent(whole -> dispatch(session, whole, datagram, from, to));
        }
    }

    private void onInitRequest(final InetSocketAddress from, final InetSocketAddress to, final byte[] datagram,
                               final long spiI) {
        final HalfOpenKey key = new HalfOpenKey(from, spiI);
        final IkeSession known = halfOpen.get(key);
        if (known != null && known.state() == IkeSession.State.CREATE_IKE_REMOTE_AUTH) {
            // Only the very request we answered gets the answer again: anything else under its SPI is a forgery.
            if (Arrays.equals(datagram, known.sa.initRequest().toArray())) {
                for (final byte[] answer : known.sa.cachedResponse(0)) {
                    known.trace().reanswered(answer, to, from);
                    ctx.transport().send(to, from, answer);
                }
            }
            return;
        }
        final IpAddress local = IpAddress.of(to.getAddress());
        final IpAddress peer = IpAddress.of(from.getAddress());
        final List<GatewayPolicy> candidates = policies.stream().filter(p -> p.accepts(local, peer)).toList();
        if (candidates.isEmpty()) {
            LOG.log(Level.DEBUG, "IKE_SA_INIT from {0} to {1}: no ike-gateway for that peer", from, to);
            return;
        }
        final IkeTrace trace = traceOf(candidates);
        switch (IkeMessage.decode(datagram)) {
            case IkeDecodeResult.Ok ok -> {
                trace.received(ok.message(), datagram.length, to, from);
                respond(candidates, ok.message(), datagram, from, to, key, trace);
            }
            case IkeDecodeResult.UnprotectedError error when error.header().isPresent() && error.answer().isPresent() ->
                send(SaInitExchange.reply(error.header().get(), error.answer().get(), datagram, Optional.empty()), trace,
                    from, to);
            default -> LOG.log(Level.DEBUG, "IKE_SA_INIT from {0} dropped: malformed", from);
        }
    }

    /**
     * An IKE_SA_INIT request belongs to no gateway yet: it is traced when one of the gateways it may be for is
     * (the first such), and the session it creates then traces as its gateway.
     */
    private IkeTrace traceOf(final List<GatewayPolicy> candidates) {
        for (final GatewayPolicy candidate : candidates) {
            final IkeTrace trace = ctx.trace(candidate.name());
            if (trace.on()) {
                return trace;
            }
        }
        return IkeTrace.OFF;
    }

    private void respond(final List<GatewayPolicy> candidates, final IkeMessage request, final byte[] datagram,
                         final InetSocketAddress from, final InetSocketAddress to, final HalfOpenKey key,
                         final IkeTrace trace) {
        final int open = halfOpenCount();
        if (open >= ctx.timing().maxHalfOpen()) {
            LOG.log(Level.DEBUG, "IKE_SA_INIT from {0} dropped: {1} half-open IKE SAs", from, open);
            trace.decision("init", "dropped", "half-open IKE SAs at the limit");
            return;
        }
        switch (SaInitExchange.respond(ctx, candidates, cookies, open >= ctx.timing().cookieThreshold(), request,
                datagram, from, to)) {
            case SaInitExchange.Outcome.Drop drop -> {
                LOG.log(Level.DEBUG, "IKE_SA_INIT from {0} dropped: {1}", from, drop.why());
                trace.decision("init", "dropped", drop.why());
            }
            case SaInitExchange.Outcome.Reply reply -> {
                reply.failure().ifPresent(f -> {
                    LOG.log(Level.WARNING, "{0}: {1}", f.gateway(), f.explanation());
                    trace.decision("proposal", "rejected", f.explanation());
                    ctx.listener().failed(f.gateway().name(), f.explanation());
                });
                send(reply, trace, from, to);
            }
            case SaInitExchange.Outcome.Created created -> {
                sessions.put(created.session().sa.localSpi(), created.session());
                halfOpen.put(key, created.session());
                created.session().trace().sent(created.datagram(), created.payloads(), to, from);
                ctx.transport().send(to, from, created.datagram());
            }
        }
    }

    private void send(final SaInitExchange.Outcome.Reply reply, final IkeTrace trace, final InetSocketAddress from,
                      final InetSocketAddress to) {
        if (reply.datagram().isEmpty()) {
            if (trace.on()) {
                trace.decision("init", "unanswered", "the " + reply.answer().notifyType()
                    + " answer would be larger than the unauthenticated request");
            }
            return;
        }
        trace.sent(reply.datagram().get(), List.of(reply.answer()), to, from);
        ctx.transport().send(to, from, reply.datagram().get());
    }

    /** Tells every peer its IKE SA is going (one Delete each, not awaited) and ends every session. */
    @Override
    public void close() {
        for (final IkeSession session : sessions.values()) {
            session.shutdown("gateway stopping");
        }
        sessions.clear();
        halfOpen.clear();
        nextAttempt.clear();
    }
}
