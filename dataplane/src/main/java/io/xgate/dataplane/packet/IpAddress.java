package io.xgate.dataplane.packet;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * An IPv4 or IPv6 address as two longs, the form the data plane compares and writes.
 * IPv4 lives in the low 32 bits of {@code low}; {@code high} is 0.
 */
public record IpAddress(int family, long high, long low) implements Comparable<IpAddress> {
    public static final int V4 = 4;
    public static final int V6 = 6;

    public IpAddress {
        if (family != V4 && family != V6) {
            throw new IllegalArgumentException("family must be 4 or 6");
        }
    }

    public static IpAddress v4(final int address) {
        return new IpAddress(V4, 0, address & 0xFFFF_FFFFL);
    }

    public static IpAddress v6(final long high, final long low) {
        return new IpAddress(V6, high, low);
    }

    /** Parses a literal; never resolves names. */
    public static IpAddress parse(final String text) {
        final InetAddress a;
        try {
            a = InetAddress.ofLiteral(text.trim());
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        return of(a);
    }

    public static IpAddress of(final InetAddress a) {
        final ByteBuffer b = ByteBuffer.wrap(a.getAddress());
        if (a instanceof Inet4Address) {
            return v4(b.getInt());
        }
        if (a instanceof Inet6Address) {
            return v6(b.getLong(), b.getLong());
        }
        throw new IllegalArgumentException("unsupported address " + a);
    }

    public int v4() {
        return (int) low;
    }

    public boolean isV4() {
        return family == V4;
    }

    public int bits() {
        return family == V4 ? 32 : 128;
    }

    public byte[] bytes() {
        final ByteBuffer b = ByteBuffer.allocate(family == V4 ? 4 : 16);
        if (family == V4) {
            b.putInt((int) low);
        } else {
            b.putLong(high).putLong(low);
        }
        return b.array();
    }

    public InetAddress toInetAddress() {
        try {
            return InetAddress.getByAddress(bytes());
        } catch (final java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int compareTo(final IpAddress o) {
        if (family != o.family) {
            return Integer.compare(family, o.family);
        }
        final int c = Long.compareUnsigned(high, o.high);
        return c != 0 ? c : Long.compareUnsigned(low, o.low);
    }

    @Override
    public String toString() {
        return toInetAddress().getHostAddress();
    }
}
