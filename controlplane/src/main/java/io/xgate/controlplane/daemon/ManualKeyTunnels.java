package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.IpsecTunnel;
import io.xgate.controlplane.config.ManualKey;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.sa.InboundSa;
import io.xgate.dataplane.sa.OutboundSa;
import io.xgate.dataplane.worker.WorkerProxy;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The SAs of the manual-key tunnels: installs, removes and replaces them, and keeps the installed ones for
 * {@code show vpn ipsec-sa}. A changed tunnel is replaced make-before-break (DESIGN §3): the new inbound SA first,
 * then the outbound switched, the old inbound removed after {@link #GRACE_NANOS} so packets the peer sent before
 * it switched still arrive. When the inbound SPI stays the same, the new SA replaces the old in one command.
 * Control thread only.
 */
final class ManualKeyTunnels {
    /** How long an old inbound SA keeps receiving after its tunnel changed. */
    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final System.Logger LOG = System.getLogger(ManualKeyTunnels.class.getName());

    /** One tunnel's SAs as the worker has them, and since when. */
    record Installed(IpsecTunnel tunnel, InboundSa inbound, OutboundSa outbound, Instant since, int port,
                     IpAddress nextHop) {
    }

    /** An old inbound SA waiting for its grace period to end. */
    private record Draining(String tunnel, ControlTasks.Timer timer) {
    }

    private final WorkerProxy proxy;
    private final NeighbourResolver neighbours;
    private final ControlTasks tasks;
    private final InstantSource clock;
    private final Map<String, Installed> installed = new LinkedHashMap<>();
    private final Map<Integer, Draining> draining = new HashMap<>();

    ManualKeyTunnels(final WorkerProxy proxy, final NeighbourResolver neighbours, final ControlTasks tasks,
                     final InstantSource clock) {
        this.proxy = proxy;
        this.neighbours = neighbours;
        this.tasks = tasks;
        this.clock = clock;
    }

    Optional<Installed> installed(final String tunnel) {
        return Optional.ofNullable(installed.get(tunnel));
    }

    List<Installed> all() {
        return new ArrayList<>(installed.values());
    }

    /** Whether the tunnel's configuration asks for SAs here: manual key and not disabled. */
    static boolean programmed(final IpsecTunnel tunnel) {
        return !tunnel.disabled() && tunnel.keying() instanceof ManualKey;
    }

    void install(final DeviceConfig config, final IpsecTunnel tunnel, final UndoLog undo) {
        final ManualKey key = (ManualKey) tunnel.keying();
        final String localInterface = key.localAddress().interfaceName();
        final int port = new DeviceLayout(config).portId(localInterface);
        final IpAddress nextHop = new DeviceLayout(config).nextHopToward(localInterface, key.peerAddress());
        try (ManualKeySas sas = ManualKeySas.of(config, tunnel, key)) {
            final InboundSa in = addInbound(tunnel.name(), sas, undo);
            final OutboundSa out = DataplaneApplier.accepted(proxy.addOutboundSa(sas.outbound(), port,
                    neighbours.macOf(nextHop)), "outbound SA of " + tunnel.name());
            neighbours.followOutboundSa(out.tunnel().id(), out.spi(), port, nextHop);
            undo.push(() -> {
                neighbours.unfollowOutboundSa(out.tunnel().id(), out.spi());
                DataplaneApplier.accepted(proxy.removeOutboundSa(out.tunnel().id(), out.spi()),
                        "removal of the outbound SA of " + tunnel.name());
            });
            put(new Installed(tunnel, in, out, clock.instant(), port, nextHop), undo);
            LOG.log(Level.INFO, "ipsec tunnel {0} on {1}: manual key, out {2}, in {3}, next hop {4}{5}",
                    tunnel.name(), tunnel.tunnelInterface(), sas.outbound(), sas.inbound(), nextHop,
                    sas.outbound().udpEncapsulated() ? ", ESP in UDP 4500" : "");
        }
    }

    /** Removes the tunnel's SAs (the worker hands them back to be wiped); undone by installing {@code before}'s. */
    void remove(final DeviceConfig before, final String name, final UndoLog undo) {
        final Installed gone = installed.remove(name);
        if (gone == null) {
            return;
        }
        final int tunnelId = gone.outbound().tunnel().id();
        neighbours.unfollowOutboundSa(tunnelId, gone.outbound().spi());
        DataplaneApplier.accepted(proxy.removeOutboundSa(tunnelId, gone.outbound().spi()),
                "removal of the outbound SA of " + name);
        DataplaneApplier.accepted(proxy.removeInboundSa(gone.inbound().spi()), "removal of the inbound SA of " + name);
        draining.entrySet().removeIf(e -> {
            if (e.getValue().tunnel().equals(name)) {
                e.getValue().timer().cancel();
                DataplaneApplier.accepted(proxy.removeInboundSa(e.getKey()), "removal of an old inbound SA of " + name);
                return true;
            }
            return false;
        });
        undo.push(() -> install(before, gone.tunnel(), new UndoLog()));
        LOG.log(Level.INFO, "ipsec tunnel {0} removed: SAs 0x{1} out, 0x{2} in go back to be wiped", name,
                hex(gone.outbound().spi()), hex(gone.inbound().spi()));
    }

    /**
     * {@code before} → {@code after} for one tunnel on the same tunnel interface, make-before-break. With
     * {@code grace} false (a revert, or the admin's clear) the old inbound SA goes at once.
     */
    void replace(final DeviceConfig before, final DeviceConfig after, final IpsecTunnel tunnel, final boolean grace,
                 final UndoLog undo) {
        final Installed old = installed.get(tunnel.name());
        final ManualKey key = (ManualKey) tunnel.keying();
        final String localInterface = key.localAddress().interfaceName();
        final int port = new DeviceLayout(after).portId(localInterface);
        final IpAddress nextHop = new DeviceLayout(after).nextHopToward(localInterface, key.peerAddress());
        // Undoes a replacement that failed half-way; a finished one is undone as a whole, by replacing back.
        final UndoLog partial = new UndoLog();
        try (ManualKeySas sas = ManualKeySas.of(after, tunnel, key)) {
            final InboundSa in = addInbound(tunnel.name(), sas, partial);
            final int oldInbound = old.inbound().spi();
            if (oldInbound != in.spi()) {
                if (grace) {
                    final ControlTasks.Timer timer = tasks.schedule(GRACE_NANOS, () -> {
                        draining.remove(oldInbound);
                        DataplaneApplier.accepted(proxy.removeInboundSa(oldInbound), "old inbound SA");
                        LOG.log(Level.INFO, "ipsec tunnel {0}: old inbound SA 0x{1} removed after the grace period",
                                tunnel.name(), hex(oldInbound));
                    });
                    draining.put(oldInbound, new Draining(tunnel.name(), timer));
                    partial.push(() -> {
                        timer.cancel();
                        draining.remove(oldInbound);
                    });
                } else {
                    DataplaneApplier.accepted(proxy.removeInboundSa(oldInbound), "old inbound SA");
                }
            }
            // Same selectors on the same tunnel: the worker swaps the outbound SA in one step.
            final OutboundSa out = DataplaneApplier.accepted(proxy.addOutboundSa(sas.outbound(), port,
                    neighbours.macOf(nextHop)), "outbound SA of " + tunnel.name());
            neighbours.unfollowOutboundSa(old.outbound().tunnel().id(), old.outbound().spi());
            neighbours.followOutboundSa(out.tunnel().id(), out.spi(), port, nextHop);
            put(new Installed(tunnel, in, out, clock.instant(), port, nextHop), partial);
            LOG.log(Level.INFO, "ipsec tunnel {0} replaced: out 0x{1} -> 0x{2}, in 0x{3} -> 0x{4}{5}", tunnel.name(),
                    hex(old.outbound().spi()), hex(out.spi()), hex(oldInbound), hex(in.spi()),
                    oldInbound != in.spi() && grace ? ", the old inbound SA receives for "
                            + TimeUnit.NANOSECONDS.toSeconds(GRACE_NANOS) + " s more" : "");
        } catch (final RuntimeException e) {
            partial.runBackwards();
            throw e;
        }
        undo.push(() -> replace(after, before, old.tunnel(), false, new UndoLog()));
    }

    /** An inbound SA; one of the same SPI still draining is replaced now, so its timer must not remove this one. */
    private InboundSa addInbound(final String tunnel, final ManualKeySas sas, final UndoLog undo) {
        final Draining pending = draining.remove(sas.inbound().spi());
        if (pending != null) {
            pending.timer().cancel();
        }
        final InboundSa in = DataplaneApplier.accepted(proxy.addInboundSa(sas.inbound()), "inbound SA of " + tunnel);
        undo.push(() -> DataplaneApplier.accepted(proxy.removeInboundSa(in.spi()), "removal of the inbound SA of "
                + tunnel));
        return in;
    }

    private void put(final Installed now, final UndoLog undo) {
        final Installed previous = installed.put(now.tunnel().name(), now);
        undo.push(() -> {
            if (previous == null) {
                installed.remove(now.tunnel().name());
            } else {
                installed.put(previous.tunnel().name(), previous);
            }
        });
    }

    static String hex(final int spi) {
        return "%08x".formatted(spi);
    }
}
