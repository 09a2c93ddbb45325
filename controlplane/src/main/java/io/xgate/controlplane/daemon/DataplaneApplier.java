package io.xgate.controlplane.daemon;

import io.xgate.controlplane.commit.ApplyTarget;
import io.xgate.controlplane.commit.ConfigChange;
import io.xgate.controlplane.commit.ObjectChange;
import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.EthernetInterface;
import io.xgate.controlplane.config.IpsecTunnel;
import io.xgate.controlplane.config.StaticRoute;
import io.xgate.controlplane.config.TunnelInterface;
import io.xgate.controlplane.monitor.MonitorTarget;
import io.xgate.dataplane.counters.CountersFullException;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.dataplane.worker.WorkerProxy;
import java.lang.System.Logger.Level;
import java.time.InstantSource;
import java.util.List;

/**
 * Where a commit reaches the data plane: turns each changed object of a {@link ConfigChange} into worker commands,
 * touching nothing else — a new manual-key tunnel adds its SAs without disturbing the other tunnels' SAs or
 * counters, a removed one has its SAs wiped, a changed one is replaced make-before-break ({@link ManualKeyTunnels}),
 * routes go through their one owner ({@link RouteProgrammer}, which leaves out what the tunnel monitor withdrew) —
 * auto-key tunnels' routes too, into their tunnel interfaces like any other —, then IKE: the gateways and auto-key
 * tunnels the commit touched start, stop or renegotiate ({@link AutoKeyTunnels}), and the tunnel monitors follow
 * last ({@link MonitorCommits}). Start-up is the commit from an empty config. What
 * only a restart can change is refused before anything is touched ({@link RestartRules}); every command posted
 * records its inverse, so {@link #revert} takes back exactly what the failed apply did — routes, SAs, monitors and
 * their withdrawals. Runs on the control thread (the management API hands commits over through
 * {@link ControlTasks}).
 */
public final class DataplaneApplier implements ApplyTarget {
    /** What to do about a full counters file. */
    static final String RAISE_COUNTER_SLOTS = "raise device.counter-slots (takes a restart)";
    private static final System.Logger LOG = System.getLogger(DataplaneApplier.class.getName());

    private final WorkerProxy proxy;
    private final DeviceConfig started;
    private final PortMacs macs;
    private final RouteProgrammer routes;
    private final ManualKeyTunnels tunnels;
    private final AutoKeyTunnels autoKey;
    private final MonitorCommits monitors;
    private final UndoLog undo = new UndoLog();
    /** What the data plane runs: the last applied config, or the one before a reverted apply. */
    private DeviceConfig running;

    /** @param started the config the ports were opened with: what a commit must leave as it is */
    DataplaneApplier(final WorkerProxy proxy, final NeighbourResolver neighbours, final ControlTasks tasks,
                     final DeviceConfig started, final InstantSource clock, final RouteProgrammer routes,
                     final AutoKeyTunnels autoKey, final MonitorCommits monitors, final PortMacs macs) {
        this.proxy = proxy;
        this.started = started;
        this.macs = macs;
        this.routes = routes;
        this.tunnels = new ManualKeyTunnels(proxy, neighbours, tasks, clock);
        this.autoKey = autoKey;
        this.monitors = monitors;
    }

    DeviceConfig running() {
        return running;
    }

    ManualKeyTunnels tunnels() {
        return tunnels;
    }

    /**
     * @throws IllegalStateException when a restart is needed, the worker's ring is full, the counters file has too
     *                               few free slots, or an SA cannot be built
     */
    @Override
    public void apply(final ConfigChange change) {
        undo.clear();
        if (change.isEmpty()) {
            // An empty state directory at start: nothing runs until the --config file is committed.
            running = change.after();
            return;
        }
        RestartRules.check(started, change, macs);
        final List<MonitorTarget> monitored = MonitorPlan.targets(change.after(), macs);
        try {
            for (final ObjectChange c : change.changes()) {
                apply(change, c);
            }
        } catch (final CountersFullException e) {
            throw new IllegalStateException(e.getMessage() + ": " + RAISE_COUNTER_SLOTS + ", "
                    + started.device().counterSlots() + " now", e);
        }
        autoKey.apply(change.before(), change.after(), undo);
        monitors.apply(change.before(), change.after(), monitored, undo);
        running = change.after();
        LOG.log(Level.INFO, "applied {0}", change.summary());
    }

    @Override
    public void revert(final ConfigChange change) {
        running = change.before();
        undo.runBackwards();
        LOG.log(Level.WARNING, "reverted {0}", change.summary());
    }

    private void apply(final ConfigChange change, final ObjectChange c) {
        final DeviceConfig before = change.before();
        final DeviceConfig after = change.after();
        switch (c.kind()) {
            case ETHERNET_INTERFACE -> {
                // Ports are fixed while running (RestartRules): they only ever come up, at start.
                final EthernetInterface port = (EthernetInterface) c.after().orElseThrow();
                localAddresses(port.ip(), true);
                routes.addConnected(new DeviceLayout(after), port, undo);
            }
            case TUNNEL_INTERFACE -> {
                if (c.action() == ObjectChange.Action.REMOVED) {
                    removeTunnelInterface((TunnelInterface) c.before().orElseThrow(), before);
                } else if (c.action() == ObjectChange.Action.ADDED) {
                    addTunnelInterface((TunnelInterface) c.after().orElseThrow(), after);
                }
                // CHANGED: only what the data plane does not hold (zone, IPv6 settings other than addresses) may
                // change (RestartRules).
            }
            case STATIC_ROUTE -> {
                if (c.action() == ObjectChange.Action.REMOVED) {
                    routes.remove(c.name(), undo);
                } else {
                    routes.addStatic(new DeviceLayout(after), c.name(), (StaticRoute) c.after().orElseThrow(), undo);
                }
            }
            case IPSEC_TUNNEL -> applyTunnel(c, before, after);
            default -> {
                // Zones hold nothing in the data plane; profiles and IKE gateways reach IKE after every object
                // (AutoKeyTunnels), monitor profiles and tunnel groups the monitors, last (MonitorCommits).
            }
        }
    }

    private void applyTunnel(final ObjectChange c, final DeviceConfig before, final DeviceConfig after) {
        final IpsecTunnel old = (IpsecTunnel) c.before().orElse(null);
        final IpsecTunnel now = (IpsecTunnel) c.after().orElse(null);
        final boolean wasProgrammed = old != null && ManualKeyTunnels.programmed(old);
        final boolean isProgrammed = now != null && ManualKeyTunnels.programmed(now);
        if (wasProgrammed && isProgrammed && old.tunnelInterface().equals(now.tunnelInterface())) {
            tunnels.replace(before, after, now, true, undo);
            return;
        }
        if (wasProgrammed) {
            tunnels.remove(before, old.name(), undo);
        }
        if (isProgrammed) {
            tunnels.install(after, now, undo);
        } else if (now != null) {
            LOG.log(Level.INFO, "ipsec tunnel {0}: {1}", now.name(), now.disabled() ? "disabled, stays down"
                    : "auto-key, its SAs come from IKE");
        }
    }

    private void addTunnelInterface(final TunnelInterface tunnel, final DeviceConfig after) {
        final int id = DeviceLayout.tunnelId(tunnel.name());
        accepted(proxy.addTunnel(id, tunnel.name(), tunnel.mtu(),
                new DeviceLayout(after).virtualRouter(tunnel.virtualRouter())), tunnel.name());
        undo.push(() -> accepted(proxy.removeTunnel(id), "removal of " + tunnel.name()));
        // IPv6 ones too: the monitor probes from them, and the worker answers the peer's probes to them.
        localAddresses(tunnelAddresses(tunnel, after), true);
    }

    private void removeTunnelInterface(final TunnelInterface tunnel, final DeviceConfig before) {
        localAddresses(tunnelAddresses(tunnel, before), false);
        final int id = DeviceLayout.tunnelId(tunnel.name());
        accepted(proxy.removeTunnel(id), "removal of " + tunnel.name());
        undo.push(() -> accepted(proxy.addTunnel(id, tunnel.name(), tunnel.mtu(),
                new DeviceLayout(before).virtualRouter(tunnel.virtualRouter())), tunnel.name()));
        LOG.log(Level.INFO, "tunnel interface {0} removed", tunnel.name());
    }

    /** Anycast ones too: the worker answers echo to them like to any of its addresses. */
    private List<IpPrefix> tunnelAddresses(final TunnelInterface tunnel, final DeviceConfig config) {
        return new OwnAddresses(config, macs).tunnel(tunnel).stream().map(OwnAddresses.TunnelAddress::prefix).toList();
    }

    private void localAddresses(final Iterable<IpPrefix> prefixes, final boolean present) {
        for (final IpPrefix own : prefixes) {
            accepted(proxy.localAddress(own.address(), present), "local address " + own);
            undo.push(() -> accepted(proxy.localAddress(own.address(), !present), "local address " + own));
        }
    }

    /** A worker command's result: the posted object, or a failure when the command ring was full. */
    static <T> T accepted(final T posted, final String what) {
        if (posted == null || Boolean.FALSE.equals(posted)) {
            throw new IllegalStateException("the worker's command ring is full; could not program " + what);
        }
        return posted;
    }
}
