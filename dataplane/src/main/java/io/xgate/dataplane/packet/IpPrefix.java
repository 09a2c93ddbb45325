package io.xgate.dataplane.packet;

import java.util.regex.Pattern;

/**
 * An address with a prefix length ({@code 198.18.1.0/24}, {@code 2001:db8::/64}). Host bits are kept as
 * written, because an interface address ({@code 192.0.2.1/24}) needs them; everything that matches against
 * the prefix uses {@link #network()}, which clears them.
 */
public record IpPrefix(IpAddress address, int length) {
    private static final Pattern LENGTH = Pattern.compile("0|[1-9][0-9]{0,2}");

    public IpPrefix {
        if (length < 0 || length > address.bits()) {
            throw new IllegalArgumentException("prefix length " + length + " out of 0.." + address.bits());
        }
    }

    /** {@code address/length}, or a bare address meaning a host prefix (/32, /128). */
    public static IpPrefix parse(final String text) {
        final int slash = text.indexOf('/');
        if (slash < 0) {
            final IpAddress host = IpAddress.parse(text);
            return new IpPrefix(host, host.bits());
        }
        final IpAddress address = IpAddress.parse(text.substring(0, slash));
        final String length = text.substring(slash + 1);
        if (!LENGTH.matcher(length).matches() || Integer.parseInt(length) > address.bits()) {
            throw new IllegalArgumentException("not a prefix length for " + IpAddress.familyName(address.family())
                    + ": '" + text + "'");
        }
        return new IpPrefix(address, Integer.parseInt(length));
    }

    public static IpPrefix any(final int family) {
        return new IpPrefix(new IpAddress(family, 0, 0), 0);
    }

    public int family() {
        return address.family();
    }

    /** The first address of the prefix: the address with its host bits cleared. */
    public IpAddress network() {
        return new IpAddress(address.family(), address.high() & highMask(), address.low() & lowMask());
    }

    /** This prefix with its host bits cleared. */
    public IpPrefix masked() {
        return new IpPrefix(network(), length);
    }

    public boolean hasHostBits() {
        return !address.equals(network());
    }

    public long highMask() {
        return highMask(address.family(), length);
    }

    public long lowMask() {
        return lowMask(address.family(), length);
    }

    /** Last address of the prefix (the first is {@link #network()}). */
    public IpAddress last() {
        final IpAddress network = network();
        if (network.isV4()) {
            return new IpAddress(IpAddress.V4, 0, network.low() | (~lowMask() & 0xFFFF_FFFFL));
        }
        return new IpAddress(IpAddress.V6, network.high() | ~highMask(), network.low() | ~lowMask());
    }

    public boolean contains(final IpAddress a) {
        return a.family() == address.family() && ((a.high() ^ address.high()) & highMask()) == 0
                && ((a.low() ^ address.low()) & lowMask()) == 0;
    }

    static long highMask(final int family, final int length) {
        if (family == IpAddress.V4 || length == 0) {
            return 0;
        }
        return length >= 64 ? -1L : -1L << (64 - length);
    }

    static long lowMask(final int family, final int length) {
        if (family == IpAddress.V4) {
            return length == 0 ? 0 : (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
        }
        if (length <= 64) {
            return 0;
        }
        return length == 128 ? -1L : -1L << (128 - length);
    }

    @Override
    public String toString() {
        return address + "/" + length;
    }
}
