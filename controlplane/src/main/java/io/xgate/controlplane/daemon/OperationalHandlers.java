package io.xgate.controlplane.daemon;

import io.xgate.controlplane.api.ManagementServer;
import io.xgate.controlplane.api.Request;
import io.xgate.controlplane.api.RequestFailedException;
import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.IpsecTunnel;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The operational commands (PAN-OS names, plus xgate's {@code show.vpn.tunnel-group}): {@code show.vpn.*},
 * {@code show.interface}, {@code show.routing.route},
 * {@code show.counters}, and {@code test}/{@code clear} of IPsec and IKE SAs. Each runs on the control thread,
 * which owns what it reads.
 */
final class OperationalHandlers {
    private static final System.Logger LOG = System.getLogger(OperationalHandlers.class.getName());

    private final ControlTasks tasks;
    private final Supplier<DeviceConfig> running;
    private final ManualKeyTunnels tunnels;
    private final AutoKeyTunnels autoKey;

    private OperationalHandlers(final ControlTasks tasks, final Supplier<DeviceConfig> running,
                                final ManualKeyTunnels tunnels, final AutoKeyTunnels autoKey) {
        this.tasks = tasks;
        this.running = running;
        this.tunnels = tunnels;
        this.autoKey = autoKey;
    }

    static void register(final ManagementServer server, final ControlTasks tasks, final DataplaneApplier applier,
                         final AutoKeyTunnels autoKey, final VpnStatus vpn, final DeviceStatus device) {
        final OperationalHandlers h = new OperationalHandlers(tasks, applier::running, applier.tunnels(), autoKey);
        server.register("show.vpn.ipsec-sa", r -> h.on(() -> Map.of("sas", vpn.ipsecSas(optional(r, "tunnel")))));
        server.register("show.vpn.flow", r -> h.on(() -> Map.of("flows", vpn.flows(optional(r, "tunnel")))));
        server.register("show.vpn.tunnel", r -> h.on(() -> Map.of("tunnels", vpn.tunnelStates())));
        server.register("show.vpn.tunnel-group", r -> h.on(() -> Map.of("groups", vpn.tunnelGroups())));
        server.register("show.vpn.gateway", r -> h.on(() -> Map.of("gateways", vpn.gateways(null, false))));
        server.register("show.vpn.ike-sa", r -> h.on(() -> Map.of("detail", r.bool("detail", false), "gateways",
                vpn.gateways(optional(r, "gateway"), r.bool("detail", false)))));
        server.register("show.interface", r -> h.on(() -> Map.of("ports", device.ports(),
                "tunnels", device.tunnelInterfaces())));
        server.register("show.routing.route", r -> h.on(() -> Map.of("routes", device.routes())));
        server.register("show.counters", r -> h.on(() -> Map.of("counters", device.counters())));
        server.register("test.vpn.ipsec-sa", r -> h.on(() -> h.renew(r.string("tunnel"), "test")));
        server.register("clear.vpn.ipsec-sa", r -> h.on(() -> h.renew(r.string("tunnel"), "clear")));
        server.register("test.vpn.ike-sa", r -> h.on(() -> h.initiate(r.string("gateway"))));
        server.register("clear.vpn.ike-sa", r -> h.on(() -> h.delete(r.string("gateway"))));
    }

    private Object on(final Callable<Object> query) throws Exception {
        return tasks.call(query);
    }

    private static String optional(final Request request, final String name) {
        return request.string(name, null);
    }

    /**
     * PAN-OS's {@code test vpn ipsec-sa} starts IKE phase 2 for the tunnel, {@code clear vpn ipsec-sa} deletes its
     * SAs so IKE negotiates new ones: for an auto-key tunnel both renegotiate its child SAs at once, the new before
     * the old go. A manual key has nothing to negotiate: both reinstall the configured SAs, which restarts the
     * outbound sequence numbers at 1 and empties the replay window. The peer must do the same, or its replay window
     * drops our packets until our numbers pass its highest.
     */
    private Object renew(final String name, final String verb) throws RequestFailedException {
        final DeviceConfig config = running.get();
        final IpsecTunnel tunnel = config.findIpsecTunnel(name)
                .orElseThrow(() -> new IllegalArgumentException("no ipsec-tunnel " + name));
        if (autoKey.negotiates(name)) {
            autoKey.requestRekey(name, verb + " vpn ipsec-sa");
            return Map.of("tunnel", name, "action", "child SAs renegotiating (show vpn ipsec-sa lists them)");
        }
        if (!ManualKeyTunnels.programmed(tunnel) || tunnels.installed(name).isEmpty()) {
            throw new RequestFailedException("ipsec-tunnel " + name + " has no SAs to reinstall: "
                    + (tunnel.disabled() ? "it is disabled" : "no IKEv2 gateway negotiates it"), null);
        }
        tunnels.replace(config, config, tunnel, false, new UndoLog());
        final var now = tunnels.installed(name).orElseThrow();
        LOG.log(Level.INFO, "{0} vpn ipsec-sa tunnel {1}: manual-key SAs reinstalled", verb, name);
        return Map.of("tunnel", name, "action", "manual-key SAs reinstalled: sequence numbers restart at 1, replay "
                        + "window emptied; the peer must clear its SAs too",
                "spiIn", "0x" + ManualKeyTunnels.hex(now.inbound().spi()),
                "spiOut", "0x" + ManualKeyTunnels.hex(now.outbound().spi()));
    }

    /** PAN-OS's {@code test vpn ike-sa}: negotiate the gateway's IKE SA (and its child SAs) now. */
    private Object initiate(final String gateway) {
        requireGateway(gateway);
        final boolean started = autoKey.initiate(gateway);
        LOG.log(Level.INFO, "test vpn ike-sa gateway {0}: {1}", gateway, started ? "initiating" : "has an IKE SA");
        return Map.of("gateway", gateway, "action", started ? "initiating IKE_SA_INIT"
                : "nothing to do: the gateway has an IKE SA (clear it first to negotiate anew)");
    }

    /** PAN-OS's {@code clear vpn ike-sa}: delete the gateway's IKE SA and its child SAs, the peer told. */
    private Object delete(final String gateway) throws RequestFailedException {
        requireGateway(gateway);
        if (!autoKey.delete(gateway)) {
            throw new RequestFailedException("ike-gateway " + gateway + " has no IKE SA to clear", null);
        }
        LOG.log(Level.INFO, "clear vpn ike-sa gateway {0}: deleting", gateway);
        return Map.of("gateway", gateway, "action", "IKE SA deleting: Delete sent to the peer, child SAs go with it");
    }

    private void requireGateway(final String gateway) {
        if (running.get().findIkeGateway(gateway).isEmpty()) {
            throw new IllegalArgumentException("no ike-gateway " + gateway);
        }
    }
}
