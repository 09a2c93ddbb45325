package io.xgate.controlplane.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Commands named by several words, as PAN-OS's operational commands are ({@code show vpn ipsec-sa}): the longest
 * registered word path that starts the arguments wins, and the rest goes to its command.
 */
final class Subcommands implements Command {
    private final String name;
    private final Map<List<String>, Command> commands = new LinkedHashMap<>();

    Subcommands(final String name) {
        this.name = name;
    }

    Subcommands add(final String words, final Command command) {
        commands.put(List.of(words.split(" ")), command);
        return this;
    }

    @Override
    public int run(final List<String> args, final PrintStream out, final PrintStream err) throws Exception {
        List<String> best = null;
        for (final List<String> path : commands.keySet()) {
            if (args.size() >= path.size() && args.subList(0, path.size()).equals(path)
                    && (best == null || path.size() > best.size())) {
                best = path;
            }
        }
        if (best == null) {
            err.println("usage: xgate " + name + " " + String.join(" | ",
                    commands.keySet().stream().map(p -> String.join(" ", p)).toList()) + " ...");
            return XgateCli.USAGE;
        }
        return commands.get(best).run(args.subList(best.size(), args.size()), out, err);
    }
}
