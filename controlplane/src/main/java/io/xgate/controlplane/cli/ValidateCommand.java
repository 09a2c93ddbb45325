package io.xgate.controlplane.cli;

import io.xgate.controlplane.config.ConfigError;
import io.xgate.controlplane.config.ConfigLoader;
import io.xgate.controlplane.config.LoadResult;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code xgate config validate FILE}: checks a config file without touching the device. */
final class ValidateCommand implements Command {
    @Override
    public int run(final List<String> args, final PrintStream out, final PrintStream err) throws Exception {
        if (args.size() != 1) {
            err.println("usage: xgate config validate FILE");
            return XgateCli.USAGE;
        }
        final LoadResult result = ConfigLoader.load(Path.of(args.getFirst()));
        if (result instanceof LoadResult.Invalid invalid) {
            for (final ConfigError e : invalid.errors()) {
                out.println(e);
            }
            return 1;
        }
        out.println(args.getFirst() + ": valid");
        return 0;
    }
}
