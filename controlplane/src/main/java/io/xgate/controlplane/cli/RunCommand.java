package io.xgate.controlplane.cli;

import io.xgate.controlplane.config.ConfigError;
import io.xgate.controlplane.config.ConfigLoader;
import io.xgate.controlplane.config.LoadResult;
import io.xgate.controlplane.daemon.GatewayDaemon;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code xgate run --config FILE}: validates the config (every error as {@code PATH: message}, exit 1), then runs
 * the gateway in the foreground until SIGTERM or SIGINT, which shut it down cleanly through a shutdown hook.
 */
final class RunCommand implements Command {
    @Override
    public int run(final List<String> args, final PrintStream out, final PrintStream err) throws Exception {
        if (args.size() != 2 || !args.get(0).equals("--config")) {
            err.println("usage: xgate run --config FILE");
            return XgateCli.USAGE;
        }
        final LoadResult result = ConfigLoader.load(Path.of(args.get(1)));
        if (result instanceof LoadResult.Invalid invalid) {
            for (final ConfigError e : invalid.errors()) {
                err.println(e);
            }
            return 1;
        }
        System.getLogger(RunCommand.class.getName()).log(System.Logger.Level.INFO, "config {0}: valid", args.get(1));
        final GatewayDaemon daemon = GatewayDaemon.start(((LoadResult.Valid) result).config());
        Runtime.getRuntime().addShutdownHook(new Thread(daemon::stop, "xgate-shutdown"));
        daemon.runUntilStopped();
        return 0;
    }
}
