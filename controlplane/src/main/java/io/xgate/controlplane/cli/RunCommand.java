package io.xgate.controlplane.cli;

import io.xgate.controlplane.commit.ConfigService;
import io.xgate.controlplane.config.ConfigError;
import io.xgate.controlplane.config.LoadResult;
import io.xgate.controlplane.daemon.GatewayDaemon;
import io.xgate.controlplane.daemon.StartupConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code xgate run --config FILE [--state-dir DIR]}: chooses the config to run ({@link StartupConfig}: the state
 * directory's running config, else the file), validates it (every error as {@code PATH: message}, exit 1), then
 * runs the gateway in the foreground until SIGTERM or SIGINT, which shut it down cleanly through a shutdown hook.
 */
final class RunCommand implements Command {
    private static final String USAGE = "usage: xgate run --config FILE [--state-dir DIR]   (state dir default: "
            + ConfigService.DEFAULT_DIR + ")";

    @Override
    public int run(final List<String> args, final PrintStream out, final PrintStream err) throws Exception {
        Path config = null;
        Path stateDir = ConfigService.DEFAULT_DIR;
        for (int i = 0; i + 1 < args.size(); i += 2) {
            switch (args.get(i)) {
                case "--config" -> config = Path.of(args.get(i + 1));
                case "--state-dir" -> stateDir = Path.of(args.get(i + 1));
                default -> {
                    err.println(USAGE);
                    return XgateCli.USAGE;
                }
            }
        }
        if (config == null || args.size() % 2 != 0) {
            err.println(USAGE);
            return XgateCli.USAGE;
        }
        final StartupConfig startup = StartupConfig.choose(stateDir, config);
        final LoadResult result = startup.load();
        if (result instanceof LoadResult.Invalid invalid) {
            for (final ConfigError e : invalid.errors()) {
                err.println(e);
            }
            return 1;
        }
        System.getLogger(RunCommand.class.getName()).log(System.Logger.Level.INFO, "config {0}: valid",
                startup.source());
        final GatewayDaemon daemon = GatewayDaemon.start(((LoadResult.Valid) result).config(), startup);
        Runtime.getRuntime().addShutdownHook(new Thread(daemon::stop, "xgate-shutdown"));
        daemon.runUntilStopped();
        return 0;
    }
}
