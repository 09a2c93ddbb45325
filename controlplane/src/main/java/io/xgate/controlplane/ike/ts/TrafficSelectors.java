package io.xgate.controlplane.ike.ts;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.controlplane.config.ProxyId;
import io.xgate.controlplane.ike.payload.TrafficSelector;
import io.xgate.controlplane.ike.wire.Bytes;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/** Traffic selectors from proxy IDs, their intersection, and their text form. */
public final class TrafficSelectors {
    public static final int TCP = 6;
    public static final int UDP = 17;

    /** A proxy ID as selectors, seen from our side: {@code local} is our TS when we initiate (TSi). */
    public record Pair(TrafficSelector local, TrafficSelector remote) {
    }

    private TrafficSelectors() {
    }

    public static Pair of(final ProxyId proxyId) {
        final int protocol;
        int localPort = 0;
        int remotePort = 0;
        switch (proxyId.protocol()) {
            case ProxyId.Any any -> protocol = TrafficSelector.ANY_PROTOCOL;
            case ProxyId.Number number -> protocol = number.number();
            case ProxyId.Ports ports -> {
                protocol = ports.transport() == ProxyId.Transport.TCP ? TCP : UDP;
                localPort = ports.localPort();
                remotePort = ports.remotePort();
            }
        }
        return new Pair(of(proxyId.local(), protocol, localPort), of(proxyId.remote(), protocol, remotePort));
    }

    /** A prefix as an address range; port 0 means all ports. */
    public static TrafficSelector of(final IpPrefix prefix, final int protocol, final int port) {
        final int bytes = prefix.address().bits() / 8;
        final byte[] start = prefix.network().bytes();
        final byte[] end = start.clone();
        for (int bit = prefix.length(); bit < prefix.address().bits(); bit++) {
            end[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        final int type = bytes == 4 ? TrafficSelector.TS_IPV4_ADDR_RANGE : TrafficSelector.TS_IPV6_ADDR_RANGE;
        return new TrafficSelector(type, protocol, port, port == 0 ? TrafficSelector.MAX_PORT : port,
            Bytes.of(start), Bytes.of(end));
    }

    /** The selector both allow, or empty (different families, protocols, or disjoint ranges). */
    public static Optional<TrafficSelector> intersect(final TrafficSelector a, final TrafficSelector b) {
        if (a.tsType() != b.tsType()) {
            return Optional.empty();
        }
        final int protocol;
        if (a.ipProtocol() == TrafficSelector.ANY_PROTOCOL || a.ipProtocol() == b.ipProtocol()) {
            protocol = b.ipProtocol();
        } else if (b.ipProtocol() == TrafficSelector.ANY_PROTOCOL) {
            protocol = a.ipProtocol();
        } else {
            return Optional.empty();
        }
        final int startPort = Math.max(a.startPort(), b.startPort());
        final int endPort = Math.min(a.endPort(), b.endPort());
        final Bytes start = max(a.startAddress(), b.startAddress());
        final Bytes end = min(a.endAddress(), b.endAddress());
        if (startPort > endPort || compare(start, end) > 0) {
            return Optional.empty();
        }
        return Optional.of(new TrafficSelector(a.tsType(), protocol, startPort, endPort, start, end));
    }

    /** {@code 198.18.1.0/24} when the range is a prefix, else {@code 198.18.1.7-198.18.1.9}. */
    public static String addresses(final TrafficSelector ts) {
        final BigInteger start = new BigInteger(1, ts.startAddress().toArray());
        final BigInteger end = new BigInteger(1, ts.endAddress().toArray());
        final int bits = ts.startAddress().length() * 8;
        final BigInteger size = end.subtract(start).add(BigInteger.ONE);
        final boolean prefix = size.signum() > 0 && size.bitCount() == 1 && start.mod(size).signum() == 0;
        final String from = text(ts.startAddress());
        return prefix ? from + "/" + (bits - size.getLowestSetBit()) : from + "-" + text(ts.endAddress());
    }

    /** {@code any}, {@code tcp}, {@code udp/500}, {@code proto 47}, {@code tcp/1000-2000}. */
    public static String protocol(final TrafficSelector ts) {
        final String name = switch (ts.ipProtocol()) {
            case TrafficSelector.ANY_PROTOCOL -> "any";
            case TCP -> "tcp";
            case UDP -> "udp";
            default -> "proto " + ts.ipProtocol();
        };
        if (ts.startPort() == 0 && ts.endPort() == TrafficSelector.MAX_PORT) {
            return name;
        }
        return name + "/" + (ts.startPort() == ts.endPort() ? String.valueOf(ts.startPort())
            : ts.startPort() + "-" + ts.endPort());
    }

    private static String text(final Bytes address) {
        final byte[] raw = address.toArray();
        if (raw.length == 4) {
            return (raw[0] & 0xFF) + "." + (raw[1] & 0xFF) + "." + (raw[2] & 0xFF) + "." + (raw[3] & 0xFF);
        }
        final BigInteger value = new BigInteger(1, raw);
        return IpAddress.v6(value.shiftRight(64).longValue(), value.longValue()).toString();
    }

    private static int compare(final Bytes a, final Bytes b) {
        return Arrays.compareUnsigned(a.toArray(), b.toArray());
    }

    private static Bytes max(final Bytes a, final Bytes b) {
        return compare(a, b) >= 0 ? a : b;
    }

    private static Bytes min(final Bytes a, final Bytes b) {
        return compare(a, b) <= 0 ? a : b;
    }
}
