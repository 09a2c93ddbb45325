package io.xgate.controlplane.daemon;

import io.xgate.controlplane.api.ConfigHandlers;
import io.xgate.controlplane.api.EventBus;
import io.xgate.controlplane.api.ManagementServer;
import io.xgate.controlplane.commit.ApplyTarget;
import io.xgate.controlplane.commit.CommitResult;
import io.xgate.controlplane.commit.ConfigChange;
import io.xgate.controlplane.commit.ConfigService;
import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.SecretSources;
import io.xgate.controlplane.ike.trace.IkeTracing;
import io.xgate.controlplane.monitor.TunnelMonitors;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.InstantSource;

/** How a gateway is managed: its config service on the state directory and the management API serving it. */
final class ManagementWiring {
    private static final System.Logger LOG = System.getLogger(ManagementWiring.class.getName());

    private ManagementWiring() {
    }

    /**
     * The state directory's config service, bringing the data plane up with its running config; an empty one
     * gets the {@code --config} file as version 1 (see {@link StartupConfig}).
     */
    static ConfigService openConfig(final StartupConfig startup, final DataplaneApplier applier,
                                             final ControlTasks tasks) throws IOException {
        // Commits arrive on the API's threads; the applier runs on the control thread.
        final ApplyTarget onControlThread = new ApplyTarget() {
            @Override
            public void apply(final ConfigChange change) throws Exception {
                tasks.call(() -> {
                    applier.apply(change);
                    return null;
                });
            }

            @Override
            public void revert(final ConfigChange change) throws Exception {
                tasks.call(() -> {
                    applier.revert(change);
                    return null;
                });
            }
        };
        final ConfigService service = ConfigService.open(startup.stateDir(), onControlThread, SecretSources.system(),
                InstantSource.system());
        if (startup.seed().isEmpty()) {
            LOG.log(Level.WARNING, "running the config stored in {0}; --config {1} is ignored (load it with "
                    + "''xgate config load'' and commit to change the running config)", startup.stateDir(),
                    startup.configFile());
            return service;
        }
        service.load(startup.seed().get());
        final CommitResult result = service.commit("xgate run", "--config " + startup.configFile());
        if (!(result instanceof CommitResult.Committed(final var entry))) {
            throw new IllegalStateException("--config " + startup.configFile() + " could not be committed: " + result);
        }
        LOG.log(Level.INFO, "state dir {0} was empty: --config {1} committed as version {2}", startup.stateDir(),
                startup.configFile(), String.valueOf(entry.version()));
        return service;
    }

    /**
     * The management API on {@code device.management-socket}, started; its event stream ({@code events}) carries
     * the commits, every change of the tunnel monitors and the lines of the IKE traces that are on.
     */
    static ManagementServer serve(final DeviceConfig config, final ConfigService configService,
                                  final ControlTasks tasks, final DataplaneApplier applier,
                                  final AutoKeyTunnels autoKey, final VpnStatus vpn,
                                  final DeviceStatus device, final TunnelMonitors monitors, final EventBus events,
                                  final IkeTracing tracing) throws IOException {
        final ManagementServer server = new ManagementServer(Path.of(config.device().managementSocket()), events);
        ConfigHandlers.register(server, configService, events);
        monitors.addListener(new MonitorEvents(events));
        OperationalHandlers.register(server, tasks, applier, autoKey, vpn, device);
        DebugHandlers.register(server, tasks, tracing, applier::running);
        server.start();
        LOG.log(Level.INFO, "management API on {0}", server.socket());
        return server;
    }

}
