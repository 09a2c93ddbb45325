package io.xgate.dataplane.packet;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address as two longs, the form the data plane compares and writes.
 * IPv4 lives in the low 32 bits of {@code low}; {@code high} is 0. Parsed by hand from literals only: a name
 * never reaches a resolver, so loading a config never waits on DNS, and errors say what is wrong.
 */
public record IpAddress(int family, long high, long low) implements Comparable<IpAddress> {
    public static final int V4 = 4;
    public static final int V6 = 6;

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

    public IpAddress {
        if (family != V4 && family != V6) {
            throw new IllegalArgumentException("family must be 4 or 6");
        }
        if (family == V4 && (high != 0 || (low >>> 32) != 0)) {
            throw new IllegalArgumentException("IPv4 address wider than 32 bits");
        }
    }

    public static IpAddress v4(final int address) {
        return new IpAddress(V4, 0, address & 0xFFFF_FFFFL);
    }

    public static IpAddress v6(final long high, final long low) {
        return new IpAddress(V6, high, low);
    }

    /** "IPv4" or "IPv6", as messages name a family. */
    public static String familyName(final int family) {
        return "IPv" + family;
    }

    /**
     * Parses a dotted quad (no leading zeros: they mean octal to some tools) or an RFC 4291 IPv6 literal,
     * IPv4-mapped ones staying IPv6.
     */
    public static IpAddress parse(final String text) {
        if (text.indexOf(':') >= 0) {
            return parseIpv6(text);
        }
        final long v4 = parseIpv4(text);
        if (v4 < 0) {
            throw new IllegalArgumentException("not an IP address: '" + text + "'");
        }
        return new IpAddress(V4, 0, v4);
    }

    /** The address's 32 bits, or -1 when the text is not a dotted quad. */
    private static long parseIpv4(final String text) {
        if (!IPV4.matcher(text).matches()) {
            return -1;
        }
        long value = 0;
        for (final String part : text.split("\\.")) {
            final int octet = Integer.parseInt(part);
            if (octet > 255) {
                return -1;
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    private static IpAddress parseIpv6(final String text) {
        final int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            throw new IllegalArgumentException("not an IPv6 address ('::' twice): '" + text + "'");
        }
        final List<Integer> head = ipv6Groups(gap < 0 ? text : text.substring(0, gap), text, gap < 0);
        final List<Integer> tail = gap < 0 ? List.of() : ipv6Groups(text.substring(gap + 2), text, true);
        final int given = head.size() + tail.size();
        if (gap < 0 ? given != 8 : given > 7) {
            throw new IllegalArgumentException("not an IPv6 address (needs 8 groups): '" + text + "'");
        }
        final List<Integer> groups = new ArrayList<>(head);
        for (int i = given; i < 8; i++) {
            groups.add(0);
        }
        groups.addAll(tail);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | groups.get(i);
            low = (low << 16) | groups.get(i + 4);
        }
        return v6(high, low);
    }

    /** The 16-bit groups of one side of '::'; a trailing dotted quad counts as two groups. */
    private static List<Integer> ipv6Groups(final String part, final String whole, final boolean endsText) {
        final List<Integer> groups = new ArrayList<>();
        if (part.isEmpty()) {
            return groups;
        }
        final String[] fields = part.split(":", -1);
        for (int i = 0; i < fields.length; i++) {
            final String field = fields[i];
            final boolean last = i == fields.length - 1;
            if (last && endsText && field.indexOf('.') >= 0) {
                final long v4 = parseIpv4(field);
                if (v4 < 0) {
                    throw new IllegalArgumentException("not an IPv6 address (bad embedded IPv4): '" + whole + "'");
                }
                groups.add((int) (v4 >>> 16));
                groups.add((int) (v4 & 0xFFFF));
            } else if (HEX_GROUP.matcher(field).matches()) {
                groups.add(Integer.parseInt(field, 16));
            } else {
                throw new IllegalArgumentException("not an IPv6 address: '" + whole + "'");
            }
        }
        return groups;
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
        } catch (final UnknownHostException e) {
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

    /** Dotted quad, or RFC 5952 canonical IPv6 text (lower case, longest zero run compressed). */
    @Override
    public String toString() {
        if (family == V4) {
            return (low >>> 24) + "." + ((low >>> 16) & 0xFF) + "." + ((low >>> 8) & 0xFF) + "." + (low & 0xFF);
        }
        final int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) ((high >>> (48 - 16 * i)) & 0xFFFF);
            groups[i + 4] = (int) ((low >>> (48 - 16 * i)) & 0xFFFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
