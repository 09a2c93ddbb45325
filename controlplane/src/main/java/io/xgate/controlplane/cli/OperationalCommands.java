package io.xgate.controlplane.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operational commands, PAN-OS's names: {@code xgate show vpn ipsec-sa|flow|tunnel|gateway|ike-sa} (and
 * xgate's {@code show vpn tunnel-group}),
 * {@code show interface}, {@code show routing route}, {@code show counters}, and {@code test}/{@code clear} of
 * {@code vpn ipsec-sa tunnel T} and {@code vpn ike-sa gateway G}, and {@code show debug ike} (the gateways
 * {@code xgate debug ike gateway G on} traces, see {@link DebugIkeCommand}). Each is one request; the daemon answers, these
 * only render (or, with {@code --json}, print the answer as it came).
 */
final class OperationalCommands {
    private OperationalCommands() {
    }

    static Command show(final Map<String, String> env) {
        return new Subcommands("show")
                .add("vpn ipsec-sa", new ApiCommand("xgate show vpn ipsec-sa [tunnel T]", env,
                        args -> call("show.vpn.ipsec-sa", named(args, "tunnel")), OperationalCommands::ipsecSas))
                .add("vpn flow", new ApiCommand("xgate show vpn flow [tunnel T]", env,
                        args -> call("show.vpn.flow", named(args, "tunnel")), OperationalCommands::flows))
                .add("vpn tunnel", new ApiCommand("xgate show vpn tunnel", env,
                        args -> call("show.vpn.tunnel", none(args)), OperationalCommands::tunnels))
                .add("vpn tunnel-group", new ApiCommand("xgate show vpn tunnel-group", env,
                        args -> call("show.vpn.tunnel-group", none(args)), OperationalCommands::tunnelGroups))
                .add("vpn gateway", new ApiCommand("xgate show vpn gateway", env,
                        args -> call("show.vpn.gateway", none(args)), OperationalCommands::gateways))
                .add("vpn ike-sa", new ApiCommand("xgate show vpn ike-sa [gateway G] [detail]", env,
                        OperationalCommands::ikeSa, OperationalCommands::ikeSas))
                .add("interface", new ApiCommand("xgate show interface [all]", env, args -> {
                    if (!args.isEmpty() && !args.equals(List.of("all"))) {
                        throw new UsageException();
                    }
                    return call("show.interface", Map.of());
                }, OperationalCommands::interfaces))
                .add("routing route", new ApiCommand("xgate show routing route", env,
                        args -> call("show.routing.route", none(args)), OperationalCommands::routes))
                .add("counters", new ApiCommand("xgate show counters", env,
                        args -> call("show.counters", none(args)), OperationalCommands::counters))
                .add("debug ike", new ApiCommand("xgate show debug ike", env,
                        args -> call("show.debug.ike", none(args)), OperationalCommands::tracedGateways));
    }

    /** {@code test} and {@code clear} take the same objects; {@code verb} is which. */
    static Command testOrClear(final String verb, final Map<String, String> env) {
        return new Subcommands(verb)
                .add("vpn ipsec-sa", new ApiCommand("xgate " + verb + " vpn ipsec-sa tunnel T", env,
                        args -> call(verb + ".vpn.ipsec-sa", required(args, "tunnel")),
                        (result, out) -> out.println("tunnel " + result.path("tunnel").asText() + ": "
                                + result.path("action").asText() + (result.has("spiIn") ? " (SPI in "
                                + result.path("spiIn").asText() + ", out " + result.path("spiOut").asText() + ")"
                                : ""))))
                .add("vpn ike-sa", new ApiCommand("xgate " + verb + " vpn ike-sa gateway G", env,
                        args -> call(verb + ".vpn.ike-sa", required(args, "gateway")),
                        (result, out) -> out.println("gateway " + result.path("gateway").asText() + ": "
                                + result.path("action").asText())));
    }

    private static ApiCommand.Call call(final String cmd, final Map<String, ?> args) {
        return new ApiCommand.Call(cmd, args);
    }

    private static Map<String, Object> none(final List<String> args) throws UsageException {
        if (!args.isEmpty()) {
            throw new UsageException();
        }
        return Map.of();
    }

    /** Nothing, or {@code KEYWORD VALUE}. */
    private static Map<String, Object> named(final List<String> args, final String keyword) throws UsageException {
        return args.isEmpty() ? Map.of() : required(args, keyword);
    }

    private static Map<String, Object> required(final List<String> args, final String keyword) throws UsageException {
        if (args.size() != 2 || !args.get(0).equals(keyword)) {
            throw new UsageException();
        }
        return Map.of(keyword, args.get(1));
    }

    private static ApiCommand.Call ikeSa(final List<String> args) throws UsageException {
        final List<String> rest = new ArrayList<>(args);
        final boolean detail = rest.remove("detail");
        final Map<String, Object> request = new LinkedHashMap<>(named(rest, "gateway"));
        request.put("detail", detail);
        return call("show.vpn.ike-sa", request);
    }

    private static void ipsecSas(final JsonNode result, final PrintStream out) {
        final Table table = new Table("TUNNEL", "PEER", "SPI-IN", "SPI-OUT", "PROTO", "ENCRYPTION", "AUTH", "MODE",
                "AGE", "SEQ-OUT", "REPLAY(WINDOW/HIGHEST)", "IN(PKTS/BYTES)", "OUT(PKTS/BYTES)");
        result.path("sas").forEach(sa -> table.row(text(sa, "tunnel"), text(sa, "peer"), text(sa, "spiIn"),
                text(sa, "spiOut"), text(sa, "protocol"), text(sa, "encryption"), text(sa, "authentication"),
                text(sa, "mode"), sa.path("ageSeconds").asLong() + "s", text(sa, "seqOut"),
                sa.path("replay").path("enabled").asBoolean() ? text(sa.path("replay"), "window") + "/"
                        + text(sa.path("replay"), "highest") : "off",
                traffic(sa.path("in")), traffic(sa.path("out"))));
        table.print(out);
    }

    private static void flows(final JsonNode result, final PrintStream out) {
        final Table table = new Table("TUNNEL", "INTERFACE", "ENCAP-PKTS", "ENCAP-BYTES", "DECAP-PKTS", "DECAP-BYTES",
                "DROPS");
        result.path("flows").forEach(f -> {
            final List<String> drops = new ArrayList<>();
            f.path("drops").properties().forEach(e -> drops.add(e.getKey() + "=" + e.getValue().asLong()));
            table.row(text(f, "tunnel"), text(f, "tunnelInterface"), text(f.path("encap"), "packets"),
                    text(f.path("encap"), "bytes"), text(f.path("decap"), "packets"), text(f.path("decap"), "bytes"),
                    drops.isEmpty() ? "none" : String.join(" ", drops));
        });
        table.print(out);
    }

    private static void tunnels(final JsonNode result, final PrintStream out) {
        final Table table = new Table("TUNNEL", "INTERFACE", "TYPE", "PEER", "STATE", "MONITOR");
        result.path("tunnels").forEach(t -> table.row(text(t, "name"), text(t, "tunnelInterface"), text(t, "type"),
                text(t, "peer"), text(t, "state") + (t.path("reason").asText().isEmpty() ? ""
                        : " (" + text(t, "reason") + ")"), monitor(t.path("monitor"))));
        table.print(out);
    }

    /** E.g. {@code down since 2026-11-27T08:00:03Z (no reply to 3 probes ...)}; "-" for a tunnel not monitored. */
    private static String monitor(final JsonNode monitor) {
        return monitor.isObject() ? text(monitor, "state") + " since " + text(monitor, "since") + " ("
                + text(monitor, "reason") + ")" : "-";
    }

    private static void tunnelGroups(final JsonNode result, final PrintStream out) {
        final Table table = new Table("GROUP", "PRIMARY", "SECONDARY", "HOLD-DOWN", "ACTIVE", "SINCE", "SWITCHES",
                "REASON");
        result.path("groups").forEach(g -> table.row(text(g, "name"), text(g, "primary"), text(g, "secondary"),
                text(g, "holdDown"), text(g, "active"), text(g, "since"), text(g, "switches"), text(g, "reason")));
        table.print(out);
    }

    private static void gateways(final JsonNode result, final PrintStream out) {
        final Table table = new Table("GATEWAY", "VERSION", "LOCAL", "PEER", "AUTHENTICATION", "IKE-CRYPTO-PROFILE",
                "STATE");
        result.path("gateways").forEach(g -> table.row(text(g, "name"), text(g, "version"), text(g, "local"),
                text(g, "peer"), text(g, "authentication"), text(g, "ikeCryptoProfile"), text(g, "state")));
        table.print(out);
    }

    /**
     * One row per gateway and its IKE SA; with {@code detail}, the configured proposals per gateway, then a block per
     * IKE SA with its child SAs and the last failure line.
     */
    private static void ikeSas(final JsonNode result, final PrintStream out) {
        final JsonNode gateways = result.path("gateways");
        if (result.path("detail").asBoolean()) {
            final Table table = new Table("GATEWAY", "PEER", "VERSION", "STATE", "PROPOSALS");
            gateways.forEach(g -> {
                final List<String> proposals = new ArrayList<>();
                g.path("proposals").properties().forEach(e -> {
                    final List<String> values = new ArrayList<>();
                    e.getValue().forEach(v -> values.add(v.asText()));
                    proposals.add(e.getKey() + " " + String.join(",", values));
                });
                table.row(text(g, "name"), text(g, "peer"), text(g, "version"), text(g, "state"),
                        String.join("; ", proposals));
            });
            table.print(out);
            gateways.forEach(g -> ikeSaDetail(g, out));
            return;
        }
        final Table table = new Table("GATEWAY", "PEER", "STATE", "ROLE", "SPI-I", "SPI-R", "NAT-T", "ALGORITHMS",
                "AGE", "CHILD-SAS");
        gateways.forEach(g -> {
            final JsonNode sa = g.path("ikeSa");
            if (sa.isObject()) {
                table.row(text(g, "name"), text(sa, "peer"), text(sa, "state"), text(sa, "role"),
                        text(sa, "spiInitiator"), text(sa, "spiResponder"), text(sa, "natT"), text(sa, "algorithms"),
                        sa.path("ageSeconds").asLong() + "s", String.valueOf(sa.path("childSas").size()));
            } else {
                table.row(text(g, "name"), text(g, "peer"), text(g, "state"), "-", "-", "-", "-", "-", "-", "0");
            }
        });
        table.print(out);
    }

    private static void ikeSaDetail(final JsonNode g, final PrintStream out) {
        final JsonNode sa = g.path("ikeSa");
        out.println();
        if (sa.isObject()) {
            out.println("gateway " + text(g, "name") + ": IKE SA " + text(sa, "spiInitiator") + ":"
                    + text(sa, "spiResponder") + " " + text(sa, "state") + ", " + text(sa, "role") + ", age "
                    + sa.path("ageSeconds").asLong() + "s");
            out.println("  local " + text(sa, "local") + ", peer " + text(sa, "peer") + ", NAT-T: " + text(sa, "natT"));
            out.println("  algorithms: " + text(sa, "algorithms"));
            sa.path("childSas").forEach(c -> out.println("  child SA " + text(c, "name") + ": in " + text(c, "spiIn")
                    + ", out " + text(c, "spiOut") + ", " + text(c, "encryption") + "/" + text(c, "authentication")
                    + ", " + text(c, "encapsulation") + ", age " + c.path("ageSeconds").asLong() + "s"));
        } else {
            out.println("gateway " + text(g, "name") + ": no IKE SA (" + text(g, "state") + ")");
        }
        if (g.path("lastFailure").isTextual()) {
            out.println("  last failure: " + text(g, "lastFailure"));
        }
    }

    private static void interfaces(final JsonNode result, final PrintStream out) {
        final Table ports = new Table("PORT", "DEVICE", "ROLE", "XDP", "AF_XDP", "QUEUE", "RX-PKTS", "RX-BYTES",
                "TX-PKTS", "TX-BYTES", "DROPS");
        result.path("ports").forEach(p -> ports.row(text(p, "name"), text(p, "device"), text(p, "role"),
                text(p, "xdpMode"), text(p, "afXdpMode"), text(p, "queue"), text(p.path("rx"), "packets"),
                text(p.path("rx"), "bytes"), text(p.path("tx"), "packets"), text(p.path("tx"), "bytes"),
                text(p, "drops")));
        ports.print(out);
        out.println();
        final Table tunnels = new Table("TUNNEL-INTERFACE", "ADDRESSES", "MTU", "VIRTUAL-ROUTER", "STATE");
        result.path("tunnels").forEach(t -> {
            final List<String> anycast = new ArrayList<>();
            t.path("anycast").forEach(a -> anycast.add(a.asText()));
            final List<String> addresses = new ArrayList<>();
            t.path("addresses").forEach(a -> addresses.add(
                    a.asText() + (anycast.contains(a.asText()) ? "(anycast)" : "")));
            tunnels.row(text(t, "name"), addresses.isEmpty() ? "-" : String.join(",", addresses), text(t, "mtu"),
                    text(t, "virtualRouter"), text(t, "state"));
        });
        tunnels.print(out);
    }

    /** The gateways whose IKE trace is on ({@code debug ike gateway G on}). */
    private static void tracedGateways(final JsonNode result, final PrintStream out) {
        final Table table = new Table("GATEWAY", "IKE-TRACE");
        result.path("gateways").forEach(g -> table.row(g.asText(), "on"));
        table.print(out);
    }

    private static void routes(final JsonNode result, final PrintStream out) {
        final Table table = new Table("VIRTUAL-ROUTER", "DESTINATION", "TYPE", "INTERFACE", "NEXT-HOP", "METRIC",
                "ADJACENCY");
        result.path("routes").forEach(r -> table.row(text(r, "virtualRouter"), text(r, "destination"),
                text(r, "type"), text(r, "interfaceName"), text(r, "nextHop"), text(r, "metric"),
                text(r, "adjacency")));
        table.print(out);
    }

    private static void counters(final JsonNode result, final PrintStream out) {
        final Table table = new Table("GROUP", "COUNTER", "VALUE");
        result.path("counters").forEach(c -> table.row(text(c, "group"), text(c, "name"), text(c, "value")));
        table.print(out);
    }

    private static String traffic(final JsonNode traffic) {
        return text(traffic, "packets") + "/" + text(traffic, "bytes");
    }

    private static String text(final JsonNode node, final String field) {
        return node.path(field).asText();
    }
}
