package io.xgate.controlplane.config;

import java.util.regex.Pattern;

/** An address with a prefix length ({@code 198.18.1.0/24}, {@code 2001:db8::/64}); host bits are kept as written. */
public record IpPrefix(IpAddress address, int length) {

    private static final Pattern LENGTH = Pattern.compile("0|[1-9][0-9]{0,2}");

    public static final IpPrefix ANY_IPV4 = new IpPrefix(IpAddress.ipv4(0), 0);

    public IpPrefix {
        if (length < 0 || length > address.family().bits()) {
            throw new IllegalArgumentException("prefix length " + length + " out of 0.." + address.family().bits());
        }
    }

    /** {@code address/length}, or a bare address meaning a host prefix (/32, /128). */
    public static IpPrefix parse(final String text) {
        final int slash = text.indexOf('/');
        if (slash < 0) {
            final IpAddress host = IpAddress.parse(text);
            return new IpPrefix(host, host.family().bits());
        }
        final IpAddress address = IpAddress.parse(text.substring(0, slash));
        final String length = text.substring(slash + 1);
        if (!LENGTH.matcher(length).matches() || Integer.parseInt(length) > address.family().bits()) {
            throw new IllegalArgumentException("not a prefix length for " + address.family() + ": '" + text + "'");
        }
        return new IpPrefix(address, Integer.parseInt(length));
    }

    public IpFamily family() {
        return address.family();
    }

    public IpPrefix network() {
        return new IpPrefix(address.masked(length), length);
    }

    public boolean hasHostBits() {
        return !address.equals(address.masked(length));
    }

    public boolean contains(final IpAddress other) {
        return other.family() == family() && other.masked(length).equals(address.masked(length));
    }

    @Override
    public String toString() {
        return address + "/" + length;
    }
}
