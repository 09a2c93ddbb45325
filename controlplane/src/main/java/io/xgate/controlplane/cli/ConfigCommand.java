package io.xgate.controlplane.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code xgate config SUBCOMMAND}: {@code validate} works offline on a file; the others edit and inspect the
 * daemon's candidate and running config through the management API.
 */
final class ConfigCommand implements Command {
    private final Map<String, Command> subcommands = new LinkedHashMap<>();

    ConfigCommand(final Map<String, String> env) {
        subcommands.put("validate", new ValidateCommand());
        subcommands.putAll(new TreeMap<>(ConfigCommands.config(env)));
    }

    @Override
    public int run(final List<String> args, final PrintStream out, final PrintStream err) throws Exception {
        if (args.isEmpty() || !subcommands.containsKey(args.getFirst())) {
            err.println("usage: xgate config " + String.join("|", subcommands.keySet()) + " ...");
            return XgateCli.USAGE;
        }
        return subcommands.get(args.getFirst()).run(args.subList(1, args.size()), out, err);
    }
}
