package io.xgate.controlplane.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address held as 128 bits ({@code high}, {@code low}); an IPv4 address lives in the
 * low 32 bits. Parsed by hand from literals only: a name never reaches a resolver, so loading a config
 * never waits on DNS.
 */
public record IpAddress(IpFamily family, long high, long low) {

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

    public IpAddress {
        if (family == IpFamily.IPV4 && (high != 0 || (low >>> 32) != 0)) {
            throw new IllegalArgumentException("IPv4 address wider than 32 bits");
        }
    }

    public static IpAddress ipv4(final int value) {
        return new IpAddress(IpFamily.IPV4, 0, Integer.toUnsignedLong(value));
    }

    public static IpAddress ipv6(final long high, final long low) {
        return new IpAddress(IpFamily.IPV6, high, low);
    }

    /** Parses a dotted quad (no leading zeros: they mean octal to some tools) or an RFC 4291 IPv6 literal. */
    public static IpAddress parse(final String text) {
        if (text.indexOf(':') >= 0) {
            return parseIpv6(text);
        }
        final Long v4 = parseIpv4(text);
        if (v4 == null) {
            throw new IllegalArgumentException("not an IP address: '" + text + "'");
        }
        return new IpAddress(IpFamily.IPV4, 0, v4);
    }

    private static Long parseIpv4(final String text) {
        if (!IPV4.matcher(text).matches()) {
            return null;
        }
        long value = 0;
        for (final String part : text.split("\\.")) {
            final int octet = Integer.parseInt(part);
            if (octet > 255) {
                return null;
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
        return ipv6(high, low);
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
                final Long v4 = parseIpv4(field);
                if (v4 == null) {
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

    /** This address with every bit from {@code prefixLength} on cleared. */
    IpAddress masked(final int prefixLength) {
        final int keep = 128 - family.bits() + prefixLength;
        final long highMask = keep >= 64 ? -1L : keep == 0 ? 0 : -1L << (64 - keep);
        final long lowMask = keep <= 64 ? 0 : keep == 128 ? -1L : -1L << (128 - keep);
        return new IpAddress(family, high & highMask, low & lowMask);
    }

    public byte[] toBytes() {
        final int length = family.bits() / 8;
        final byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            final int fromEnd = length - 1 - i;
            bytes[i] = (byte) (fromEnd < 8 ? low >>> (8 * fromEnd) : high >>> (8 * (fromEnd - 8)));
        }
        return bytes;
    }

    /** Dotted quad, or RFC 5952 canonical IPv6 text (lower case, longest zero run compressed). */
    @Override
    public String toString() {
        if (family == IpFamily.IPV4) {
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
