package io.xgate.controlplane.daemon;

import io.xgate.controlplane.api.ManagementServer;
import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.ike.trace.IkeTracing;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.function.Supplier;

/**
 * PAN-OS's {@code debug ike gateway G on|off} ({@code debug.ike.gateway}, args {@code gateway} and {@code on}) and
 * {@code show debug ike} ({@code show.debug.ike}): per-gateway IKE traces, off at start, not stored, so a restart
 * turns every one off. Run on the control thread, which owns the IKE engine and its {@link IkeTracing}.
 */
final class DebugHandlers {
    private static final System.Logger LOG = System.getLogger(DebugHandlers.class.getName());

    private DebugHandlers() {
    }

    static void register(final ManagementServer server, final ControlTasks tasks, final IkeTracing tracing,
                         final Supplier<DeviceConfig> running) {
        server.register("debug.ike.gateway", r -> tasks.call(() -> {
            final String gateway = r.string("gateway");
            final boolean on = r.bool("on", true);
            // Off needs no gateway in the config: one traced and then removed by a commit can still be turned off.
            if (on && running.get().findIkeGateway(gateway).isEmpty()) {
                throw new IllegalArgumentException("no ike-gateway " + gateway);
            }
            final boolean changed = tracing.trace(gateway, on);
            if (changed) {
                LOG.log(Level.INFO, "debug ike gateway {0} {1} (by {2})", gateway, on ? "on" : "off", r.user());
            }
            return Map.of("gateway", gateway, "trace", on ? "on" : "off", "changed", changed);
        }));
        server.register("show.debug.ike", r -> tasks.call(() -> Map.of("gateways", tracing.gateways())));
    }
}
