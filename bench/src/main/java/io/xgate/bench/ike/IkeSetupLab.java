package io.xgate.bench.ike;

import io.xgate.bench.dut.BenchNetwork;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The namespaces of {@code xgate bench ike-setup}: the initiator's, with one veth to each responder's namespace —
 * xgate on 192.0.2.0/24, strongSwan on 198.51.100.0/24 (the initiator .1, the responder .2). Both links are
 * alike, so the two responders differ only in the software answering. {@link #close()} deletes the namespaces
 * and the veths with them; stop the processes in them first.
 */
final class IkeSetupLab implements AutoCloseable {
    /** One responder's link: its namespace, both ends' devices and addresses. */
    record Link(BenchNetwork responder, String initiatorDevice, String initiatorAddress, String responderDevice,
                String responderAddress) {
    }

    private final BenchNetwork initiator;
    private final List<BenchNetwork> responders = new ArrayList<>();

    private IkeSetupLab(final BenchNetwork initiator) {
        this.initiator = initiator;
    }

    static IkeSetupLab create() throws IOException {
        return new IkeSetupLab(BenchNetwork.create());
    }

    BenchNetwork initiator() {
        return initiator;
    }

    /** A new responder namespace joined to the initiator's by a veth on {@code net} (a /24, e.g. "192.0.2"). */
    Link addResponder(final String name, final String net, final String mac) throws IOException {
        final BenchNetwork responder = BenchNetwork.create();
        responders.add(responder);
        final Link link = new Link(responder, "i-" + name, net + ".1", name + "-wan", net + ".2");
        initiator.addVethPair(link.initiatorDevice(), mac + ":01", link.responderDevice(), mac + ":02");
        initiator.moveTo(link.responderDevice(), responder);
        initiator.ip("addr", "add", link.initiatorAddress() + "/24", "dev", link.initiatorDevice());
        responder.ip("link", "set", link.responderDevice(), "up");
        responder.ip("addr", "add", link.responderAddress() + "/24", "dev", link.responderDevice());
        return link;
    }

    /** The namespaces' names, the initiator's first. */
    List<String> names() {
        final List<String> names = new ArrayList<>(List.of(initiator.name()));
        responders.forEach(r -> names.add(r.name()));
        return names;
    }

    @Override
    public void close() {
        for (final BenchNetwork network : responders.reversed()) {
            closeQuietly(network);
        }
        closeQuietly(initiator);
    }

    private static void closeQuietly(final BenchNetwork network) {
        try {
            network.close();
        } catch (final IOException e) {
            System.err.println("ike-setup: " + e.getMessage());
        }
    }
}
