package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.ike.policy.GatewayPolicy;
import io.xgate.controlplane.ike.policy.IkePolicies;
import io.xgate.controlplane.ike.sa.IkeSaRecord;
import io.xgate.controlplane.ike.session.EstablishedChild;
import io.xgate.controlplane.ike.session.IkeEngine;
import io.xgate.controlplane.ike.session.IkeListener;
import io.xgate.controlplane.ike.session.IkeTiming;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.worker.WorkerProxy;
import org.agrona.concurrent.SystemNanoClock;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The daemon's auto-key tunnels: the IKE engine on kernel UDP sockets, driven from the control thread, and the
 * child SAs it negotiates programmed into the worker make-before-break — inbound by SPI first, then outbound via the
 * tunnel (following the next hop toward the peer), replacing a rekeyed pair's — and removed when deleted.
 * Remembers each gateway's last failure line, so the line that explains a lost IKE SA is repeated when it goes down.
 */
final class AutoKeyTunnels implements IkeListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AutoKeyTunnels.class.getName());

    private final DeviceConfig config;
    private final DeviceLayout layout;
    private final WorkerProxy proxy;
    private final NeighbourResolver neighbours;
    private final Optional<KeyExport> keyExport;
    private final Map<String, String> lastFailure = new ConcurrentHashMap<>();
    private IkeSockets sockets;
    private IkeEngine engine;

    private AutoKeyTunnels(final DeviceConfig config, final DeviceLayout layout, final WorkerProxy proxy,
                           final NeighbourResolver neighbours) {
        this.config = config;
        this.layout = layout;
        this.proxy = proxy;
        this.neighbours = neighbours;
        this.keyExport = config.device().debug().keyExportDir().map(dir -> new KeyExport(Path.of(dir)));
    }

    /** Opens the IKE sockets of every IKEv2 gateway and lets initiating gateways start; idle when there are none. */
    static AutoKeyTunnels start(final DeviceConfig config, final DeviceLayout layout, final WorkerProxy proxy,
                                final NeighbourResolver neighbours) throws IOException {
        final AutoKeyTunnels tunnels = new AutoKeyTunnels(config, layout, proxy, neighbours);
        final List<GatewayPolicy> policies = IkePolicies.of(config);
        if (!policies.isEmpty()) {
            tunnels.sockets = new IkeSockets(policies.stream().map(GatewayPolicy::localAddress)
                .collect(Collectors.toSet()));
            tunnels.engine = new IkeEngine(policies, tunnels.sockets, tunnels, new SecureRandom(), new SystemNanoClock(),
                IkeTiming.DEFAULT);
            LOG.log(Level.INFO, "IKEv2: {0} gateways ({1} initiate)", policies.size(),
                policies.stream().filter(GatewayPolicy::initiates).count());
        }
        return tunnels;
    }

    /** One round on the control thread: received IKE datagrams, then timers. */
    int doWork() {
        if (engine == null) {
            return 0;
        }
        try {
            return sockets.poll(engine) + engine.doWork();
        } catch (final IOException e) {
            LOG.log(Level.ERROR, "IKE socket failed", e);
            return 0;
        }
    }

    @Override
    public void ikeSaUp(final GatewayPolicy gateway, final IkeSaRecord sa) {
        lastFailure.remove(gateway.name());
        keyExport.ifPresent(export -> export.ikeSa(sa));
    }

    @Override
    public void ikeSaDown(final GatewayPolicy gateway, final IkeSaRecord sa) {
        LOG.log(Level.INFO, "{0}: IKE SA down{1}", gateway,
            Optional.ofNullable(lastFailure.get(gateway.name())).map(f -> "; last failure: " + f).orElse(""));
    }

    @Override
    public void ikeSaRekeyed(final GatewayPolicy gateway, final IkeSaRecord old, final IkeSaRecord replacement) {
        keyExport.ifPresent(export -> export.ikeSa(replacement));
    }

    /** Make-before-break, first step: the worker receives with the new SA before the peer may send with it. */
    @Override
    public void inboundSaUp(final EstablishedChild child) {
        try (AutoKeySas sas = AutoKeySas.of(child)) {
            if (!proxy.addInboundSa(sas.inbound())) {
                LOG.log(Level.ERROR, "{0}: the worker's command ring is full; {1} is not programmed", child.gateway(), child);
            }
        }
    }

    /**
     * Second step: the child's outbound SA is replaced by this one (the worker swaps the SA of equal selectors in
     * the tunnel, whose counters carry on); the old inbound SA goes later, with {@link #childSaDown}.
     */
    @Override
    public void outboundSaUp(final EstablishedChild child) {
        final String localInterface = child.gateway().gateway().localAddress().interfaceName();
        final int port = layout.portId(localInterface);
        final IpAddress peer = IpAddress.of(child.peer());
        final IpAddress nextHop = DataplaneApplier.nextHopToward(config, localInterface, peer);
        try (AutoKeySas sas = AutoKeySas.of(child)) {
            keyExport.ifPresent(export -> export.childSa(child, sas));
            if (!proxy.addOutboundSa(sas.outbound(), port, neighbours.knownMac(nextHop))) {
                LOG.log(Level.ERROR, "{0}: the worker's command ring is full; {1} is not programmed", child.gateway(), child);
                return;
            }
            neighbours.followOutboundSa(sas.outbound().tunnelId(), sas.outbound().spi(), port, nextHop);
            LOG.log(Level.INFO, "ipsec tunnel {0}: out {1}, in {2}", child.policy().name(), sas.outbound(), sas.inbound());
        }
    }

    @Override
    public void childSaDown(final EstablishedChild child) {
        final int tunnelId = DeviceLayout.tunnelId(child.policy().tunnel().tunnelInterface());
        neighbours.unfollowOutboundSa(tunnelId, child.sa().outboundSpi());
        if (!proxy.removeOutboundSa(tunnelId, child.sa().outboundSpi()) || !proxy.removeInboundSa(child.sa().inboundSpi())) {
            LOG.log(Level.ERROR, "{0}: the worker's command ring is full; {1} stays programmed", child.gateway(), child);
        }
    }

    @Override
    public void failed(final String gateway, final String explanation) {
        lastFailure.put(gateway, explanation);
    }

    /** Deletes the IKE SAs (peers are told), removes their child SAs and closes the sockets. */
    @Override
    public void close() throws IOException {
        if (engine != null) {
            engine.close();
            sockets.close();
        }
    }
}
