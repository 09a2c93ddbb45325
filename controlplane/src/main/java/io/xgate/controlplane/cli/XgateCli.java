package io.xgate.controlplane.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point of {@code scripts/xgate}: dispatches the first word to a command. */
public final class XgateCli {
    static final int USAGE = 2;

    private XgateCli() {
    }

    static Map<String, Command> commands(final Map<String, String> env) {
        final Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("version", new VersionCommand());
        commands.put("demo", new DemoCommand());
        commands.put("config", new ConfigCommand(env));
        commands.put("commit", ConfigCommands.commit(env));
        commands.put("run", new RunCommand());
        commands.put("show", OperationalCommands.show(env));
        commands.put("test", OperationalCommands.testOrClear("test", env));
        commands.put("clear", OperationalCommands.testOrClear("clear", env));
        commands.put("debug", new Subcommands("debug").add("ike gateway", new DebugIkeCommand(env)));
        commands.put("stat", new StatCommand());
        return commands;
    }

    public static void main(final String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(final List<String> args, final PrintStream out, final PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    /** With the environment given, so tests choose {@code XGATE_SOCKET}. */
    public static int run(final List<String> given, final Map<String, String> env, final PrintStream out,
                   final PrintStream err) {
        final List<String> args = commandFirst(given);
        final Map<String, Command> commands = commands(env);
        if (args.isEmpty() || !commands.containsKey(args.get(0))) {
            err.println("usage: xgate <command> [args]   commands: " + String.join(", ", commands.keySet())
                    + ", bench");
            return USAGE;
        }
        try {
            return commands.get(args.get(0)).run(args.subList(1, args.size()), out, err);
        } catch (final Exception e) {
            err.println("xgate " + args.get(0) + ": " + e.getMessage());
            return 1;
        }
    }

    /**
     * {@code xgate --socket S show vpn flow} as {@code xgate show vpn flow --socket S}: the API options may come before
     * the command word too, as admins type them; every command reads them after its own words.
     */
    static List<String> commandFirst(final List<String> args) {
        int optionsEnd = 0;
        while (optionsEnd < args.size() && args.get(optionsEnd).startsWith("--")) {
            optionsEnd += args.get(optionsEnd).equals("--socket") ? 2 : 1;
        }
        if (optionsEnd == 0 || optionsEnd >= args.size()) {
            return args;
        }
        final List<String> reordered = new ArrayList<>(args.subList(optionsEnd, args.size()));
        reordered.addAll(args.subList(0, optionsEnd));
        return reordered;
    }
}
