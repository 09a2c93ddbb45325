package io.xgate.controlplane.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The config commands that talk to the daemon: {@code xgate config load|set|delete|show|diff|rollback|history}
 * and {@code xgate commit}. None prints a value it was given ({@code set} may be setting a key).
 */
final class ConfigCommands {
    private ConfigCommands() {
    }

    static Map<String, Command> config(final Map<String, String> env) {
        return Map.of(
                "load", new ApiCommand("xgate config load FILE", env, args -> {
                    final String file = only(args);
                    return new ApiCommand.Call("config.load",
                            Map.of("yaml", Files.readString(Path.of(file), StandardCharsets.UTF_8)));
                }, (result, out) -> out.println("candidate loaded; 'xgate config diff' shows what commit would change")),
                "set", new ApiCommand("xgate config set PATH VALUE", env, args -> {
                    requireSize(args, 2);
                    return new ApiCommand.Call("config.set", Map.of("path", args.get(0), "value", args.get(1)));
                }, (result, out) -> out.println("candidate: " + result.path("path").asText() + " set")),
                "delete", new ApiCommand("xgate config delete PATH", env,
                        args -> new ApiCommand.Call("config.delete", Map.of("path", only(args))),
                        (result, out) -> out.println("candidate: " + result.path("path").asText() + " deleted")),
                "show", new ApiCommand("xgate config show [--running|--candidate]", env,
                        args -> new ApiCommand.Call("config.show", Map.of("running", running(args))),
                        (result, out) -> out.print(result.path("yaml").asText())),
                "diff", new ApiCommand("xgate config diff", env, args -> {
                    requireSize(args, 0);
                    return new ApiCommand.Call("config.diff", Map.of());
                }, ConfigCommands::renderDiff),
                "rollback", new ApiCommand("xgate config rollback N", env,
                        args -> new ApiCommand.Call("config.rollback", Map.of("version", version(only(args)))),
                        ConfigCommands::renderCommitted),
                "history", new ApiCommand("xgate config history", env, args -> {
                    requireSize(args, 0);
                    return new ApiCommand.Call("config.history", Map.of());
                }, ConfigCommands::renderHistory));
    }

    static Command commit(final Map<String, String> env) {
        return new ApiCommand("xgate commit [-m COMMENT]", env, args -> {
            if (args.isEmpty()) {
                return new ApiCommand.Call("commit", Map.of());
            }
            if (args.size() != 2 || !args.get(0).equals("-m")) {
                throw new UsageException();
            }
            return new ApiCommand.Call("commit", Map.of("comment", args.get(1)));
        }, ConfigCommands::renderCommitted);
    }

    private static void renderDiff(final JsonNode result, final PrintStream out) {
        if (result.path("lines").isEmpty()) {
            out.println("no changes: the candidate is the running config");
        }
        result.path("lines").forEach(line -> out.println(line.asText()));
    }

    private static void renderCommitted(final JsonNode entry, final PrintStream out) {
        out.println("committed version " + entry.path("version").asInt() + ": " + entry.path("changes").asText());
    }

    private static void renderHistory(final JsonNode result, final PrintStream out) {
        final Table table = new Table("VERSION", "TIME", "USER", "CHANGES", "COMMENT");
        result.path("versions").forEach(v -> table.row(v.path("version").asText(), v.path("time").asText(),
                v.path("user").asText(), v.path("changes").asText(), v.path("comment").asText()));
        table.print(out);
    }

    private static String only(final List<String> args) throws UsageException {
        requireSize(args, 1);
        return args.getFirst();
    }

    private static void requireSize(final List<String> args, final int size) throws UsageException {
        if (args.size() != size) {
            throw new UsageException();
        }
    }

    private static boolean running(final List<String> args) throws UsageException {
        if (args.isEmpty() || args.equals(List.of("--candidate"))) {
            return false;
        }
        if (args.equals(List.of("--running"))) {
            return true;
        }
        throw new UsageException();
    }

    private static int version(final String text) throws UsageException {
        try {
            return Integer.parseInt(text);
        } catch (final NumberFormatException e) {
            throw new UsageException();
        }
    }
}
