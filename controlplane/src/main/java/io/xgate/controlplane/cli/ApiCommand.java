package io.xgate.controlplane.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.xgate.controlplane.api.ManagementClient;
import io.xgate.controlplane.api.ManagementException;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * A command that is one request to the daemon: it turns its arguments into the request, and the result into
 * lines for people (or, with {@code --json}, prints the result as it came).
 */
final class ApiCommand implements Command {

    /** The request the arguments ask for. */
    record Call(String cmd, Map<String, ?> args) {
    }

    @FunctionalInterface
    interface Arguments {
        /** @throws UsageException when the arguments do not fit the usage */
        Call call(List<String> args) throws Exception;
    }

    @FunctionalInterface
    interface Renderer {
        void render(JsonNode result, PrintStream out);
    }

    private final String usage;
    private final Map<String, String> env;
    private final Arguments arguments;
    private final Renderer renderer;

    ApiCommand(final String usage, final Map<String, String> env, final Arguments arguments,
               final Renderer renderer) {
        this.usage = usage;
        this.env = env;
        this.arguments = arguments;
        this.renderer = renderer;
    }

    @Override
    public int run(final List<String> args, final PrintStream out, final PrintStream err) throws Exception {
        final ManagementOptions options;
        final Call call;
        try {
            options = ManagementOptions.parse(args, env);
            call = arguments.call(options.rest());
        } catch (final UsageException e) {
            err.println("usage: " + usage + " [--socket PATH] [--json]");
            return XgateCli.USAGE;
        }
        try (ManagementClient client = ManagementClient.connect(options.socket())) {
            final JsonNode result = client.call(call.cmd(), call.args());
            if (options.json()) {
                out.println(result);
            } else {
                renderer.render(result, out);
            }
            return 0;
        } catch (final ManagementException e) {
            if (options.json()) {
                out.println(e.response());
            } else {
                err.println(e.getMessage());
                e.details().path("errors").forEach(error ->
                        err.println(error.path("path").asText() + ": " + error.path("message").asText()));
            }
            return 1;
        }
    }
}
