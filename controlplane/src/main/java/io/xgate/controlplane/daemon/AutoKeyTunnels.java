package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.ike.policy.GatewayPolicy;
import io.xgate.controlplane.ike.policy.IkePolicies;
import io.xgate.controlplane.ike.sa.IkeSaRecord;
import io.xgate.controlplane.ike.session.EstablishedChild;
import io.xgate.controlplane.ike.session.IkeEngine;
import io.xgate.controlplane.ike.trace.IkeTracing;
import io.xgate.controlplane.ike.session.IkeListener;
import io.xgate.controlplane.ike.session.IkeSession;
import io.xgate.controlplane.ike.session.IkeTiming;
import io.xgate.controlplane.monitor.RekeyRequester;
import io.xgate.dataplane.counters.CountersFullException;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.sa.InboundSa;
import io.xgate.dataplane.sa.OutboundSa;
import io.xgate.dataplane.worker.WorkerProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.agrona.concurrent.SystemNanoClock;

/**
 * The daemon's auto-key tunnels: the IKE engine on kernel UDP sockets, driven from the control thread, its gateways
 * following the commits ({@link #apply}: only the gateways a commit touches start, stop or renegotiate), and the
 * child SAs it negotiates programmed into the worker make-before-break — inbound by SPI first, then outbound via the
 * tunnel (following the next hop toward the peer), replacing a rekeyed pair's (equal selectors, counters carry
 * on) — and removed when deleted. A pair the worker cannot take (counters file or command ring full) is refused
 * and deleted at the peer. Remembers each gateway's last failure line for {@code show vpn ike-sa} and for the log
 * line of a lost IKE SA. Control thread only.
 */
final class AutoKeyTunnels implements IkeListener, RekeyRequester, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AutoKeyTunnels.class.getName());
    private static final String COUNTERS_FULL = "the counters file is full: " + DataplaneApplier.RAISE_COUNTER_SLOTS;
    private static final String RING_FULL = "the worker's command ring is full";

    /** One negotiated child SA pair as the worker has it, and since when. */
    record Installed(EstablishedChild child, InboundSa inbound, OutboundSa outbound, Instant since,
                     IpAddress nextHop) {
        String tunnel() {
            return child.policy().tunnel().name();
        }
    }

    /** A negotiation's failure line and when it came. */
    record Failure(String explanation, Instant at) {
    }

    /** A negotiated pair the worker did not get, to be deleted at the peer once its exchange is over. */
    private record Refused(EstablishedChild child, String why) {
    }

    private final WorkerProxy proxy;
    private final NeighbourResolver neighbours;
    private final InstantSource clock;
    private final Optional<KeyExport> keyExport;
    private final IkeSockets sockets;
    private final IkeEngine engine;
    private final Map<String, Failure> lastFailure = new HashMap<>();
    /** By inbound SPI. */
    private final Map<Integer, Installed> installed = new LinkedHashMap<>();
    /** Inbound SAs in the worker whose outbound partner is not yet in use, by SPI. */
    private final Map<Integer, InboundSa> receiving = new HashMap<>();
    /** Refused pairs the engine has yet to be asked to delete. */
    private final List<Refused> toDelete = new ArrayList<>();
    /** Inbound SPIs of refused pairs not yet down: nothing of theirs is in the worker to remove. */
    private final Set<Integer> refused = new HashSet<>();
    /** The IKEv2 gateways of the config applied last, by name. */
    private Map<String, GatewayPolicy> gateways = Map.of();
    private DeviceConfig config;

    /**
     * Idle until a commit brings gateways; {@code started}'s {@code device.debug} says whether keys are exported,
     * {@code tracing} which gateways the admin traces ({@code debug ike gateway G on}).
     */
    AutoKeyTunnels(final DeviceConfig started, final WorkerProxy proxy, final NeighbourResolver neighbours,
                   final InstantSource clock, final IkeTracing tracing) throws IOException {
        this.proxy = proxy;
        this.neighbours = neighbours;
        this.clock = clock;
        this.config = started;
        this.keyExport = started.device().debug().keyExportDir().map(dir -> new KeyExport(Path.of(dir)));
        this.sockets = new IkeSockets();
        this.engine = new IkeEngine(List.of(), sockets, this, new SecureRandom(), new SystemNanoClock(),
                IkeTiming.DEFAULT, tracing);
    }

    /**
     * A commit's part: gateways added start, removed ones end (Delete to the peer), a gateway whose own settings
     * changed (profile, addresses, identities, key, certificates) negotiates anew, and one whose tunnels changed keeps its IKE SA
     * and renegotiates only those tunnels' child SAs. The revert applies the same in the other direction.
     */
    void apply(final DeviceConfig before, final DeviceConfig after, final UndoLog undo) {
        final Map<String, GatewayPolicy> was = gateways;
        final Map<String, GatewayPolicy> now = IkePolicies.of(after).stream()
                .collect(Collectors.toMap(GatewayPolicy::name, p -> p, (a, b) -> a, LinkedHashMap::new));
        config = after;
        reconcile(was, now);
        undo.push(() -> {
            config = before;
            reconcile(now, was);
        });
        listen(now);
        undo.push(() -> listen(was));
        if (!was.equals(now)) {
            LOG.log(Level.INFO, "IKEv2: {0} gateways ({1} initiate)", now.size(),
                    now.values().stream().filter(GatewayPolicy::initiates).count());
        }
    }

    private void reconcile(final Map<String, GatewayPolicy> was, final Map<String, GatewayPolicy> now) {
        for (final String name : was.keySet()) {
            if (!now.containsKey(name)) {
                engine.removeGateway(name, "ike-gateway " + name + " is no longer configured");
                lastFailure.remove(name);
            }
        }
        now.forEach((name, policy) -> {
            final GatewayPolicy old = was.get(name);
            if (old == null) {
                engine.addGateway(policy);
            } else if (!sameIkeSa(old, policy)) {
                engine.removeGateway(name, "ike-gateway " + name + " changed; negotiating anew");
                engine.addGateway(policy);
            } else if (!old.children().equals(policy.children())) {
                engine.updateChildren(policy);
            }
        });
        gateways = now;
    }

    /** Whether the IKE SA itself would be negotiated the same way: everything but the child SAs. */
    private static boolean sameIkeSa(final GatewayPolicy a, final GatewayPolicy b) {
        return a.gateway().equals(b.gateway()) && a.ikeProfile().equals(b.ikeProfile())
                && a.localAddress().equals(b.localAddress()) && a.peerAddress().equals(b.peerAddress())
                && a.authenticator().equals(b.authenticator());
    }

    private void listen(final Map<String, GatewayPolicy> policies) {
        try {
            sockets.listen(policies.values().stream().map(GatewayPolicy::localAddress).collect(Collectors.toSet()));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot open the IKE sockets: " + e.getMessage(), e);
        }
    }

    /** One round on the control thread: received IKE datagrams, timers, then Deletes for the pairs refused. */
    int doWork() {
        int work;
        try {
            work = sockets.poll(engine::onDatagram) + engine.doWork();
        } catch (final IOException e) {
            LOG.log(Level.ERROR, "IKE socket failed", e);
            work = 0;
        }
        for (final Refused r : toDelete) {
            engine.deleteChild(r.child(), r.why());
            work++;
        }
        toDelete.clear();
        return work;
    }

    /** Whether this tunnel's SAs come from IKE here (an enabled auto-key tunnel of an IKEv2 gateway). */
    boolean negotiates(final String tunnel) {
        return gateways.values().stream().anyMatch(g -> g.children().stream()
                .anyMatch(c -> c.tunnel().name().equals(tunnel)));
    }

    /** {@code wait-recover} and {@code test/clear vpn ipsec-sa}: new child SAs for the tunnel now. */
    @Override
    public void requestRekey(final String tunnel, final String reason) {
        LOG.log(Level.INFO, "tunnel {0}: renegotiating its child SAs ({1}){2}", tunnel, reason,
                engine.renegotiate(tunnel, reason) ? "" : ": no IKE SA to do it on yet");
    }

    /** {@code test vpn ike-sa}: whether a negotiation started (false: the gateway has an IKE SA already). */
    boolean initiate(final String gateway) {
        return engine.initiate(gateway);
    }

    /** {@code clear vpn ike-sa}: whether there was an IKE SA to delete. */
    boolean delete(final String gateway) {
        return engine.delete(gateway, "cleared by the administrator");
    }

    Optional<IkeSession> session(final String gateway) {
        return engine.sessionOf(gateway);
    }

    Optional<Failure> lastFailure(final String gateway) {
        return Optional.ofNullable(lastFailure.get(gateway));
    }

    List<Installed> installed() {
        return new ArrayList<>(installed.values());
    }

    @Override
    public void ikeSaUp(final GatewayPolicy gateway, final IkeSaRecord sa) {
        lastFailure.remove(gateway.name());
        keyExport.ifPresent(export -> export.ikeSa(sa));
    }

    @Override
    public void ikeSaDown(final GatewayPolicy gateway, final IkeSaRecord sa) {
        LOG.log(Level.INFO, "{0}: IKE SA down{1}", gateway, lastFailure(gateway.name())
                .map(f -> "; last failure: " + f.explanation()).orElse(""));
    }

    @Override
    public void ikeSaRekeyed(final GatewayPolicy gateway, final IkeSaRecord old, final IkeSaRecord replacement) {
        keyExport.ifPresent(export -> export.ikeSa(replacement));
    }

    /** Make-before-break, first step: the worker receives with the new SA before the peer may send with it. */
    @Override
    public void inboundSaUp(final EstablishedChild child) {
        try (AutoKeySas sas = AutoKeySas.of(child)) {
            final InboundSa in = proxy.addInboundSa(sas.inbound());
            if (in == null) {
                refuse(child, RING_FULL);
                return;
            }
            receiving.put(in.spi(), in);
        } catch (final CountersFullException e) {
            refuse(child, COUNTERS_FULL);
        }
    }

    /**
     * Second step: the child's outbound SA is replaced by this one (the worker swaps the SA of equal selectors in
     * the tunnel, whose counters carry on); the old inbound SA goes later, with {@link #childSaDown}.
     */
    @Override
    public void outboundSaUp(final EstablishedChild child) {
        final String localInterface = child.gateway().gateway().localAddress().interfaceName();
        final DeviceLayout layout = new DeviceLayout(config);
        final int port = layout.portId(localInterface);
        final IpAddress nextHop = layout.nextHopToward(localInterface, IpAddress.of(child.peer()));
        final InboundSa in = receiving.remove(child.sa().inboundSpi());
        if (in == null) {
            return; // its inbound SA never reached the worker; already logged
        }
        try (AutoKeySas sas = AutoKeySas.of(child)) {
            keyExport.ifPresent(export -> export.childSa(child, sas));
            final OutboundSa out = outbound(sas, port, neighbours.macOf(nextHop), child);
            if (out == null) {
                proxy.removeInboundSa(in.spi());
                return;
            }
            neighbours.followOutboundSa(out.tunnel().id(), out.spi(), port, nextHop);
            installed.put(in.spi(), new Installed(child, in, out, clock.instant(), nextHop));
            LOG.log(Level.INFO, "ipsec tunnel {0}: out {1}, in {2}, next hop {3}", child.policy().name(),
                    sas.outbound(), sas.inbound(), nextHop);
        }
    }

    /** The outbound SA in the worker, or null when it was refused (logged, the pair to be deleted). */
    private OutboundSa outbound(final AutoKeySas sas, final int port, final long nextHopMac,
                                final EstablishedChild child) {
        try {
            final OutboundSa out = proxy.addOutboundSa(sas.outbound(), port, nextHopMac);
            if (out == null) {
                refuse(child, RING_FULL);
            }
            return out;
        } catch (final CountersFullException e) {
            refuse(child, COUNTERS_FULL);
            return null;
        }
    }

    /**
     * The worker does not get this pair: no half state — the engine deletes it at the peer on the next round (not
     * now: the exchange that created it is still being handled), and {@code show vpn ike-sa} shows why.
     */
    private void refuse(final EstablishedChild child, final String why) {
        LOG.log(Level.ERROR, "{0}: {1} refused: {2}; deleting it at the peer", child.gateway(), child, why);
        lastFailure.put(child.gateway().name(), new Failure(child + " refused: " + why, clock.instant()));
        refused.add(child.sa().inboundSpi());
        toDelete.add(new Refused(child, why));
    }

    @Override
    public void childSaDown(final EstablishedChild child) {
        if (refused.remove(child.sa().inboundSpi())) {
            return;
        }
        final int tunnelId = DeviceLayout.tunnelId(child.policy().tunnel().tunnelInterface());
        installed.remove(child.sa().inboundSpi());
        receiving.remove(child.sa().inboundSpi());
        neighbours.unfollowOutboundSa(tunnelId, child.sa().outboundSpi());
        // The outbound SA is gone already when a newer child of the same selectors replaced it.
        proxy.removeOutboundSa(tunnelId, child.sa().outboundSpi());
        if (!proxy.removeInboundSa(child.sa().inboundSpi())) {
            LOG.log(Level.ERROR, "{0}: the worker's command ring is full; {1} stays programmed", child.gateway(),
                    child);
        }
    }

    @Override
    public void failed(final String gateway, final String explanation) {
        lastFailure.put(gateway, new Failure(explanation, clock.instant()));
    }

    /** Deletes the IKE SAs (peers are told), removes their child SAs and closes the sockets. */
    @Override
    public void close() throws IOException {
        engine.close();
        sockets.close();
    }
}
