package io.xgate.bench.ike;

import io.xgate.bench.dut.BenchNetwork;
import io.xgate.controlplane.daemon.IkeSockets;
import io.xgate.controlplane.ike.policy.GatewayPolicy;
import io.xgate.controlplane.ike.sa.IkeSaRecord;
import io.xgate.controlplane.ike.session.EstablishedChild;
import io.xgate.controlplane.ike.session.IkeEngine;
import io.xgate.controlplane.ike.session.IkeListener;
import io.xgate.controlplane.ike.session.IkeTiming;
import io.xgate.controlplane.ike.trace.IkeTracing;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.linux.sys.NetworkNamespace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.SystemNanoClock;

/**
 * The bench's IKEv2 initiator: xgate's own IKE engine on kernel UDP sockets (500 and 4500, {@link IkeSockets})
 * in the initiator namespace, negotiating complete IKE SAs — IKE_SA_INIT, IKE_AUTH with PSK and the first child
 * SA, retransmissions, cookies and NAT-T as the engine does them — at most {@code window} at a time. One
 * {@link IkeEngine} per IKE SA: an engine looks at each of its gateways every round, so one engine holding
 * thousands would make the initiator's own cost grow with the count; with one each, a round costs the same for
 * the thousandth SA as for the first. Received datagrams go to every negotiating engine; each takes only those
 * for its SPI. Finished engines keep their SAs until {@link #deleteAll}. One thread.
 */
final class SetupInitiator implements AutoCloseable {
    /** The daemon's, but no reconnect within a run: a failed SA counts as failed. */
    private static final IkeTiming TIMING = new IkeTiming(IkeTiming.DEFAULT.retransmit(),
            IkeTiming.DEFAULT.halfOpenNanos(), IkeTiming.DEFAULT.maxHalfOpen(), IkeTiming.DEFAULT.cookieThreshold(),
            TimeUnit.HOURS.toNanos(1), IkeTiming.DEFAULT.rekeyGraceNanos(), IkeTiming.DEFAULT.fragments());
    /**
     * Nothing received and nothing due: wait this long, as xgate's control loop does. A shorter wait would make the
     * initiator spin on the CPUs it shares with the responder, taking more from a slower one.
     */
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long PROGRESS_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** What a run's caller hears about twice a second. */
    interface Progress {
        void update(int established, int failed, int total, long elapsedNanos);
    }

    /** A run's outcome: SAs up, SAs failed (with the first failure's explanation), first request to last outcome. */
    record Result(int established, int failed, long nanos, String firstFailure) {
    }

    private final IkeSockets sockets;
    private final SecureRandom random = new SecureRandom();
    private final SystemNanoClock clock = new SystemNanoClock();
    /** No gateway is traced; the engines want somewhere to send trace lines all the same. */
    private final IkeTracing untraced = new IkeTracing(line -> { });
    private final List<Negotiation> negotiating = new ArrayList<>();
    private final List<Negotiation> finished = new ArrayList<>();

    private SetupInitiator(final IkeSockets sockets) {
        this.sockets = sockets;
    }

    /** Opens the IKE sockets on {@code addresses} inside {@code network}. */
    static SetupInitiator open(final BenchNetwork network, final Set<IpAddress> addresses)
            throws IOException {
        final IkeSockets sockets = new IkeSockets();
        try (NetworkNamespace ignored = network.enter()) {
            sockets.listen(addresses);
        } catch (final IOException | RuntimeException e) {
            sockets.close();
            throw e;
        }
        return new SetupInitiator(sockets);
    }

    /** One IKE SA being negotiated (or deleted): its gateway, its engine and what the engine reported. */
    private static final class Negotiation implements IkeListener {
        private final String gateway;
        private IkeEngine engine;
        private boolean established;
        private String failure;

        Negotiation(final String gateway) {
            this.gateway = gateway;
        }

        boolean done() {
            return established || failure != null;
        }

        @Override
        public void ikeSaUp(final GatewayPolicy gateway, final IkeSaRecord sa) {
        }

        @Override
        public void ikeSaRekeyed(final GatewayPolicy gateway, final IkeSaRecord old, final IkeSaRecord replacement) {
        }

        @Override
        public void ikeSaDown(final GatewayPolicy gateway, final IkeSaRecord sa) {
            if (!established && failure == null) {
                failure = gateway.name() + ": IKE SA down before its child SA was up";
            }
        }

        @Override
        public void inboundSaUp(final EstablishedChild child) {
        }

        /** The initiator's last step: IKE_AUTH's answer carried the child SA, so the IKE SA and its child are up. */
        @Override
        public void outboundSaUp(final EstablishedChild child) {
            established = true;
        }

        @Override
        public void childSaDown(final EstablishedChild child) {
        }

        @Override
        public void failed(final String gateway, final String explanation) {
            if (!established && failure == null) {
                failure = gateway + ": " + explanation;
            }
        }
    }

    /**
     * Negotiates one IKE SA per policy, at most {@code window} at a time, until all have an outcome or
     * {@code limitNanos} passed (the rest count as failed).
     */
    Result establish(final List<GatewayPolicy> policies, final int window, final long limitNanos,
                     final Progress progress) throws IOException {
        final long start = System.nanoTime();
        long last = start;
        long nextProgress = start + PROGRESS_NANOS;
        int next = 0;
        int established = 0;
        int failed = 0;
        String firstFailure = null;
        while (established + failed < policies.size()) {
            final long now = System.nanoTime();
            if (now - start > limitNanos) {
                failed += policies.size() - established - failed;
                firstFailure = firstFailure != null ? firstFailure : "time limit reached";
                break;
            }
            int work = 0;
            while (negotiating.size() < window && next < policies.size()) {
                final GatewayPolicy policy = policies.get(next++);
                final Negotiation n = new Negotiation(policy.name());
                n.engine = new IkeEngine(List.of(policy), sockets, n, random, clock, TIMING, untraced);
                negotiating.add(n);
                work += n.engine.doWork(); // sends IKE_SA_INIT now
            }
            work += sockets.poll(this::deliver);
            for (final Iterator<Negotiation> it = negotiating.iterator(); it.hasNext(); ) {
                final Negotiation n = it.next();
                work += n.engine.doWork();
                if (n.done()) {
                    it.remove();
                    finished.add(n);
                    last = System.nanoTime();
                    if (n.established) {
                        established++;
                    } else {
                        failed++;
                        firstFailure = firstFailure != null ? firstFailure : n.failure;
                    }
                }
            }
            if (now - nextProgress >= 0) {
                progress.update(established, failed, policies.size(), now - start);
                nextProgress = now + PROGRESS_NANOS;
            }
            if (work == 0) {
                LockSupport.parkNanos(IDLE_NANOS);
            }
        }
        finished.addAll(negotiating);
        negotiating.clear();
        progress.update(established, failed, policies.size(), System.nanoTime() - start);
        return new Result(established, failed, last - start, firstFailure);
    }

    private void deliver(final InetSocketAddress from, final InetSocketAddress to, final byte[] datagram) {
        for (final Negotiation n : negotiating) {
            n.engine.onDatagram(from, to, datagram);
        }
    }

    /**
     * Ends every IKE SA this initiator made, at most {@code window} at a time: an INFORMATIONAL Delete each, which
     * the responder answers once it has removed the SA and its child (retransmitted like any request). Gives up on
     * the stragglers after {@code limitNanos}: their engines close, sending one last unanswered Delete.
     */
    void deleteAll(final int window, final long limitNanos) throws IOException {
        final long start = System.nanoTime();
        final Iterator<Negotiation> next = finished.iterator();
        while (next.hasNext() || !negotiating.isEmpty()) {
            int work = 0;
            while (negotiating.size() < window && next.hasNext()) {
                final Negotiation n = next.next();
                if (n.engine.delete(n.gateway, "benchmark run over")) {
                    negotiating.add(n);
                    work++;
                } else {
                    n.engine.close();
                }
            }
            work += sockets.poll(this::deliver);
            for (final Iterator<Negotiation> it = negotiating.iterator(); it.hasNext(); ) {
                final Negotiation n = it.next();
                work += n.engine.doWork();
                if (n.engine.sessionOf(n.gateway).isEmpty() || System.nanoTime() - start > limitNanos) {
                    n.engine.close();
                    it.remove();
                }
            }
            if (work == 0) {
                LockSupport.parkNanos(IDLE_NANOS);
            }
        }
        finished.clear();
    }

    /** Closes every engine left (one unanswered Delete each) and the sockets. */
    @Override
    public void close() throws IOException {
        finished.forEach(n -> n.engine.close());
        negotiating.forEach(n -> n.engine.close());
        sockets.close();
    }
}
