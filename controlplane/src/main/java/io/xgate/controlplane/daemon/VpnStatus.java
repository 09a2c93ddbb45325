package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.AutoKey;
import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.IpsecTunnel;
import io.xgate.controlplane.config.ManualKey;
import io.xgate.controlplane.monitor.TunnelGroupStatus;
import io.xgate.controlplane.monitor.TunnelMonitors;
import io.xgate.controlplane.monitor.TunnelStatus;
import io.xgate.dataplane.counters.CounterSnapshot;
import io.xgate.dataplane.counters.CounterTypes;
import io.xgate.dataplane.sa.InboundSa;
import io.xgate.dataplane.sa.OutboundSa;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The answers of {@code show vpn ...}: SAs and tunnels from what the applier installed, what IKE negotiated
 * ({@link AutoKeyTunnels}, gateways and IKE SAs in {@link IkeStatus}) and the running config,
 * traffic from the counters file, monitor states and tunnel-group choices from the tunnel monitors. Never a key:
 * SAs are described by SPI and algorithm names only. Control thread.
 */
final class VpnStatus {
    record Traffic(long packets, long bytes) {
    }

    record Replay(boolean enabled, int window, long highest) {
    }

    record IpsecSa(String tunnel, String tunnelInterface, String local, String peer, String protocol, String mode,
                   String encryption, String authentication, String spiIn, String spiOut, long ageSeconds,
                   long seqOut, Replay replay, Traffic in, Traffic out) {
    }

    record Flow(String tunnel, String tunnelInterface, Traffic encap, Traffic decap, Map<String, Long> drops) {
    }

    /** @param monitor the tunnel monitor's view, null when the tunnel is not monitored */
    record TunnelState(String name, String tunnelInterface, String type, String peer, String state, String reason,
                       Monitor monitor) {
    }

    /** A tunnel monitor's state, since when (wall clock, to the second) and why; {@code changes} since it started. */
    record Monitor(String state, String since, String reason, long changes) {
        static Monitor of(final TunnelStatus status) {
            return new Monitor(status.state().label(), seconds(status.since()), status.reason(), status.changes());
        }
    }

    /** A tunnel group as configured, and which of its tunnels carries the traffic since when and why. */
    record TunnelGroupState(String name, String primary, String secondary, String holdDown, String active,
                            String since, String reason, long switches) {
    }

    private final Supplier<DeviceConfig> running;
    private final ManualKeyTunnels tunnels;
    private final AutoKeyTunnels autoKey;
    private final IkeStatus ike;
    private final NeighbourResolver neighbours;
    private final Supplier<List<CounterSnapshot.Counter>> counters;
    private final InstantSource clock;
    private final TunnelMonitors monitors;

    VpnStatus(final Supplier<DeviceConfig> running, final ManualKeyTunnels tunnels, final AutoKeyTunnels autoKey,
              final NeighbourResolver neighbours, final Supplier<List<CounterSnapshot.Counter>> counters,
              final InstantSource clock, final TunnelMonitors monitors) {
        this.running = running;
        this.tunnels = tunnels;
        this.autoKey = autoKey;
        this.ike = new IkeStatus(autoKey, clock);
        this.neighbours = neighbours;
        this.counters = counters;
        this.clock = clock;
        this.monitors = monitors;
    }

    /** @param tunnel one tunnel's SAs, or null for all: manual-key ones, then those IKE negotiated */
    List<IpsecSa> ipsecSas(final String tunnel) {
        requireTunnel(tunnel);
        return Stream.concat(tunnels.all().stream().filter(i -> tunnel == null || i.tunnel().name().equals(tunnel))
                        .map(this::ipsecSa),
                autoKey.installed().stream().filter(i -> tunnel == null || i.tunnel().equals(tunnel))
                        .map(this::ipsecSa)).toList();
    }

    /** Named after the child SA: the tunnel, and its proxy ID when it has several. */
    private IpsecSa ipsecSa(final AutoKeyTunnels.Installed i) {
        final var suite = i.child().sa().suite();
        final IpsecTunnel tunnel = i.child().policy().tunnel();
        return sa(i.child().policy().name(), tunnel, i.inbound(), i.outbound(), suite.encryption().configName(),
                suite.integrity().configName(), i.since());
    }

    private IpsecSa ipsecSa(final ManualKeyTunnels.Installed i) {
        final InboundSa in = i.inbound();
        final OutboundSa out = i.outbound();
        final ManualKey key = (ManualKey) i.tunnel().keying();
        final String encryption = switch (key.protection()) {
            case ManualKey.Esp esp -> esp.encryption().configName();
            case ManualKey.Ah ah -> "none";
        };
        final String authentication = switch (key.protection()) {
            case ManualKey.Esp esp -> esp.authentication().configName();
            case ManualKey.Ah ah -> ah.authentication().configName();
        };
        return sa(i.tunnel().name(), i.tunnel(), in, out, encryption, authentication, i.since());
    }

    private IpsecSa sa(final String name, final IpsecTunnel tunnel, final InboundSa in, final OutboundSa out,
                       final String encryption, final String authentication, final Instant since) {
        return new IpsecSa(name, tunnel.tunnelInterface(), out.local().toString(),
                out.peer().toString(), out.protocol().name(), out.mode().name().toLowerCase(), encryption,
                authentication, "0x" + ManualKeyTunnels.hex(in.spi()), "0x" + ManualKeyTunnels.hex(out.spi()),
                Duration.between(since, clock.instant()).toSeconds(),
                out.nextSequenceFromAnotherThread() - 1,
                new Replay(tunnel.antiReplay(), in.window().size(), in.window().highestFromAnotherThread()),
                new Traffic(in.counters().packetsIn(), in.counters().bytesIn()),
                new Traffic(out.counters().packetsOut(), out.counters().bytesOut()));
    }

    /** Per tunnel, cumulative across SA replacements: the tunnel interface's counters. */
    List<Flow> flows(final String tunnel) {
        requireTunnel(tunnel);
        final Map<String, Map<String, Long>> byInterface = counters.get().stream()
                .filter(c -> c.type() == CounterTypes.TUNNEL_TRAFFIC || c.type() == CounterTypes.TUNNEL_DROP)
                .collect(Collectors.groupingBy(c -> c.group().substring("tunnel ".length()), LinkedHashMap::new,
                        Collectors.toMap(CounterSnapshot.Counter::name, CounterSnapshot.Counter::value,
                                Long::sum, LinkedHashMap::new)));
        return running.get().ipsecTunnels().stream()
                .filter(t -> tunnel == null || t.name().equals(tunnel))
                .map(t -> {
                    final Map<String, Long> c = byInterface.getOrDefault(t.tunnelInterface(), Map.of());
                    final Map<String, Long> drops = new LinkedHashMap<>();
                    c.forEach((name, value) -> {
                        if (name.startsWith("drop ") && value > 0) {
                            drops.put(name.substring("drop ".length()), value);
                        }
                    });
                    return new Flow(t.name(), t.tunnelInterface(),
                            new Traffic(c.getOrDefault("packets-out", 0L), c.getOrDefault("bytes-out", 0L)),
                            new Traffic(c.getOrDefault("packets-in", 0L), c.getOrDefault("bytes-in", 0L)), drops);
                }).toList();
    }

    List<TunnelState> tunnelStates() {
        return running.get().ipsecTunnels().stream().map(this::tunnelState).toList();
    }

    TunnelState tunnelState(final IpsecTunnel t) {
        final String type = t.keying() instanceof ManualKey ? "manual-key" : "auto-key";
        final String peer = switch (t.keying()) {
            case ManualKey key -> key.peerAddress().toString();
            case AutoKey auto -> String.join(",", auto.ikeGateway());
        };
        final String state;
        final String reason;
        if (t.disabled()) {
            state = "down";
            reason = "disabled";
        } else if (t.keying() instanceof AutoKey auto) {
            final List<AutoKeyTunnels.Installed> children = autoKey.installed().stream()
                    .filter(i -> i.tunnel().equals(t.name())).toList();
            final var unresolved = children.stream().filter(i -> neighbours.macOf(i.nextHop()) == 0).findFirst();
            state = children.isEmpty() || unresolved.isPresent() ? "down" : "up";
            reason = children.isEmpty() ? "no child SA; " + auto.ikeGateway().stream().map(ike::whyNoChildSa)
                    .collect(Collectors.joining("; "))
                    : unresolved.map(i -> "next hop " + i.nextHop() + " unresolved").orElse("");
        } else {
            final var installed = tunnels.installed(t.name());
            if (installed.isEmpty()) {
                state = "down";
                reason = "SAs not installed";
            } else if (neighbours.macOf(installed.get().nextHop()) == 0) {
                state = "down";
                reason = "next hop " + installed.get().nextHop() + " unresolved";
            } else {
                state = "up";
                reason = "";
            }
        }
        return new TunnelState(t.name(), t.tunnelInterface(), type, peer, state, reason,
                monitors.status(t.name()).map(Monitor::of).orElse(null));
    }

    List<TunnelGroupState> tunnelGroups() {
        final Map<String, TunnelGroupStatus> statuses = monitors.groupStatuses().stream()
                .collect(Collectors.toMap(TunnelGroupStatus::group, s -> s));
        return running.get().tunnelGroups().stream().map(g -> {
            final TunnelGroupStatus s = statuses.get(g.name());
            return new TunnelGroupState(g.name(), g.primary(), g.secondary(),
                    String.format(Locale.ROOT, "%.1fs", g.holdDown().toMillis() / 1000.0), s.active(),
                    seconds(s.since()), s.reason(), s.switches());
        }).toList();
    }

    private static String seconds(final Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The ike-gateways with their IKE SAs ({@link IkeStatus}). */
    List<IkeStatus.Gateway> gateways(final String gateway, final boolean detail) {
        return ike.gateways(running.get(), gateway, detail);
    }

    private void requireTunnel(final String tunnel) {
        if (tunnel != null && running.get().findIpsecTunnel(tunnel).isEmpty()) {
            throw new IllegalArgumentException("no ipsec-tunnel " + tunnel);
        }
    }
}
