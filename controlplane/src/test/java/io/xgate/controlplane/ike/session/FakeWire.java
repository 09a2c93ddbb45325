package io.xgate.controlplane.ike.session;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The network between in-process engines: every datagram is queued, recorded, and delivered by {@link #pump()} to
 * the engine owning its destination address. A test may drop datagrams ({@link #drop}) or rewrite their source as
 * a NAT would ({@link #nat}).
 */
final class FakeWire {
    record Datagram(InetSocketAddress from, InetSocketAddress to, byte[] bytes, boolean keepalive) {
        int exchangeType() {
            return bytes.length > 18 ? bytes[18] & 0xFF : -1;
        }

        boolean response() {
            return bytes.length > 19 && (bytes[19] & 0x20) != 0;
        }
    }

    private final Map<java.net.InetAddress, IkeEngine> engines = new HashMap<>();
    private final Deque<Datagram> queue = new ArrayDeque<>();
    final List<Datagram> sent = new ArrayList<>();
    private Predicate<Datagram> drop = d -> false;
    private UnaryOperator<Datagram> nat = UnaryOperator.identity();

    IkeTransport transport() {
        return new IkeTransport() {
            @Override
            public void send(final InetSocketAddress from, final InetSocketAddress to, final byte[] datagram) {
                queue(new Datagram(from, to, datagram.clone(), false));
            }

            @Override
            public void sendKeepalive(final InetSocketAddress from, final InetSocketAddress to) {
                queue(new Datagram(from, to, new byte[] {(byte) 0xFF}, true));
            }
        };
    }

    private void queue(final Datagram datagram) {
        final Datagram translated = nat.apply(datagram);
        sent.add(translated);
        if (!drop.test(translated)) {
            queue.add(translated);
        }
    }

    void attach(final java.net.InetAddress address, final IkeEngine engine) {
        engines.put(address, engine);
    }

    void drop(final Predicate<Datagram> which) {
        drop = which;
    }

    void nat(final UnaryOperator<Datagram> translate) {
        nat = translate;
    }

    /** Delivers until nothing is in flight; returns how many datagrams were delivered. */
    int pump() {
        int delivered = 0;
        while (!queue.isEmpty()) {
            final Datagram d = queue.poll();
            final IkeEngine engine = engines.get(d.to().getAddress());
            if (engine != null && !d.keepalive()) {
                engine.onDatagram(d.from(), d.to(), d.bytes());
                delivered++;
            }
        }
        return delivered;
    }

    List<Datagram> sent(final int exchangeType, final boolean response) {
        return sent.stream().filter(d -> !d.keepalive() && d.exchangeType() == exchangeType && d.response() == response)
            .toList();
    }
}
