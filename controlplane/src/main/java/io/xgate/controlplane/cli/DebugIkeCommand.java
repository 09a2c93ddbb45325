package io.xgate.controlplane.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.xgate.controlplane.api.ManagementClient;
import io.xgate.controlplane.api.ManagementException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code xgate debug ike gateway G on|off [--follow]}: turns the gateway's IKE trace on or off (the daemon logs
 * its lines at TRACE). With {@code --follow} (on only) it stays and prints the gateway's trace lines as they
 * come, from the API's event stream, until interrupted; the trace stays on afterwards, as on PAN-OS, until
 * {@code off}. The event subscription is made before the trace is turned on, so no line of a negotiation that
 * starts at once is missed.
 */
final class DebugIkeCommand implements Command {
    static final String USAGE = "xgate debug ike gateway G on|off [--follow] [--socket PATH] [--json]";

    private final Map<String, String> env;

    DebugIkeCommand(final Map<String, String> env) {
        this.env = env;
    }

    @Override
    public int run(final List<String> args, final PrintStream out, final PrintStream err) throws Exception {
        final ManagementOptions options;
        try {
            options = ManagementOptions.parse(args, env);
        } catch (final UsageException e) {
            return usage(err);
        }
        final List<String> rest = options.rest();
        final boolean follow = rest.size() == 3 && rest.get(1).equals("on") && rest.get(2).equals("--follow");
        if (!follow && !(rest.size() == 2 && List.of("on", "off").contains(rest.get(1)))) {
            return usage(err);
        }
        final String gateway = rest.get(0);
        final boolean on = rest.get(1).equals("on");
        try (ManagementClient client = ManagementClient.connect(options.socket());
             ManagementClient events = follow ? ManagementClient.connect(options.socket()) : null) {
            if (events != null) {
                events.subscribe();
            }
            final JsonNode result = client.call("debug.ike.gateway", Map.of("gateway", gateway, "on", on));
            if (options.json()) {
                out.println(result);
            } else {
                out.println("gateway " + gateway + ": IKE trace " + result.path("trace").asText()
                        + (result.path("changed").asBoolean() ? "" : " (it already was)")
                        + (follow ? "; following its lines (Ctrl-C stops; the trace stays on)" : ""));
            }
            if (events != null) {
                events.events(event -> print(event, gateway, options.json(), out, err));
            }
            return 0;
        } catch (final ManagementException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** The gateway's trace lines; other events are not this command's. */
    private static void print(final JsonNode event, final String gateway, final boolean json, final PrintStream out,
                              final PrintStream err) {
        if (event.has("dropped")) {
            err.println("(" + event.path("dropped").asLong() + " events lost: this client fell behind)");
            return;
        }
        final JsonNode body = event.path("event");
        if (body.path("type").asText().equals("ike-trace") && body.path("gateway").asText().equals(gateway)) {
            out.println(json ? body.toString() : body.path("line").asText());
        }
    }

    private static int usage(final PrintStream err) {
        err.println("usage: " + USAGE);
        return XgateCli.USAGE;
    }
}
