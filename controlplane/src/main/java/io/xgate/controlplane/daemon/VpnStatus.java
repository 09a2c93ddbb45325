package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.AutoKey;
import io.xgate.controlplane.config.ConfigEnum;
import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.IkeCryptoProfile;
import io.xgate.controlplane.config.IkeGateway;
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

/**
 * The answers of {@code show vpn ...}: SAs and tunnels from what the applier installed and the running config,
 * traffic from the counters file, monitor states and tunnel-group choices from the tunnel monitors. Never a key:
 * SAs are described by SPI and algorithm names only. Control thread.
 */
final class VpnStatus {
    /** Until IKE exists, what every auto-key gateway and tunnel says about itself. */
    static final String NO_IKE = "no IKE yet";

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

    record Gateway(String name, String version, String local, String peer, String authentication,
                   String ikeCryptoProfile, String state, Map<String, List<String>> proposals) {
    }

    private final Supplier<DeviceConfig> running;
    private final ManualKeyTunnels tunnels;
    private final NeighbourResolver neighbours;
    private final Supplier<List<CounterSnapshot.Counter>> counters;
    private final InstantSource clock;
    private final TunnelMonitors monitors;

    VpnStatus(final Supplier<DeviceConfig> running, final ManualKeyTunnels tunnels, final NeighbourResolver neighbours,
              final Supplier<List<CounterSnapshot.Counter>> counters, final InstantSource clock,
              final TunnelMonitors monitors) {
        this.running = running;
        this.tunnels = tunnels;
        this.neighbours = neighbours;
        this.counters = counters;
        this.clock = clock;
        this.monitors = monitors;
    }

    /** @param tunnel one tunnel's SAs, or null for all */
    List<IpsecSa> ipsecSas(final String tunnel) {
        requireTunnel(tunnel);
        return tunnels.all().stream().filter(i -> tunnel == null || i.tunnel().name().equals(tunnel))
                .map(this::ipsecSa).toList();
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
        return new IpsecSa(i.tunnel().name(), i.tunnel().tunnelInterface(), out.local().toString(),
                out.peer().toString(), out.protocol().name(), out.mode().name().toLowerCase(), encryption,
                authentication, "0x" + ManualKeyTunnels.hex(in.spi()), "0x" + ManualKeyTunnels.hex(out.spi()),
                Duration.between(i.since(), clock.instant()).toSeconds(),
                out.nextSequenceFromAnotherThread() - 1,
                new Replay(i.tunnel().antiReplay(), in.window().size(), in.window().highestFromAnotherThread()),
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
        } else if (!(t.keying() instanceof ManualKey)) {
            state = "down";
            reason = NO_IKE;
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

    /** Auto-key gateways as configured; with {@code detail}, the proposals of their IKE crypto profile. */
    List<Gateway> gateways(final String gateway, final boolean detail) {
        final DeviceConfig config = running.get();
        if (gateway != null && config.findIkeGateway(gateway).isEmpty()) {
            throw new IllegalArgumentException("no ike-gateway " + gateway);
        }
        return config.ikeGateways().stream().filter(g -> gateway == null || g.name().equals(gateway))
                .map(g -> gateway(config, g, detail)).toList();
    }

    private static Gateway gateway(final DeviceConfig config, final IkeGateway g, final boolean detail) {
        final String peer = switch (g.peerAddress()) {
            case IkeGateway.PeerAddress.Ip ip -> ip.ip().toString();
            case IkeGateway.PeerAddress.Fqdn fqdn -> fqdn.fqdn();
            case IkeGateway.PeerAddress.Dynamic dynamic -> "dynamic";
        };
        final String authentication = g.authentication() instanceof IkeGateway.Authentication.PreSharedKey
                ? "pre-shared-key" : "certificate";
        final Map<String, List<String>> proposals = new LinkedHashMap<>();
        if (detail) {
            final IkeCryptoProfile p = config.findIkeCryptoProfile(g.ikeCryptoProfile()).orElseThrow();
            proposals.put("encryption", names(p.encryption()));
            proposals.put("hash", names(p.hash()));
            proposals.put("dh-group", names(p.dhGroup()));
            proposals.put("lifetime", List.of(p.lifetime().value() + " " + p.lifetime().unit().configName()));
        }
        return new Gateway(g.name(), g.version().configName(),
                g.localAddress().interfaceName() + g.localAddress().ip().map(ip -> " " + ip).orElse(""), peer,
                authentication, g.ikeCryptoProfile(), NO_IKE, proposals);
    }

    private static List<String> names(final List<? extends ConfigEnum> values) {
        return values.stream().map(ConfigEnum::configName).toList();
    }

    private void requireTunnel(final String tunnel) {
        if (tunnel != null && running.get().findIpsecTunnel(tunnel).isEmpty()) {
            throw new IllegalArgumentException("no ipsec-tunnel " + tunnel);
        }
    }
}
