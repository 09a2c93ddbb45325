package io.xgate.dataplane.packet;

/** An address prefix such as 198.18.1.0/24 or 2001:db8::/32; host bits are cleared on construction. */
public record IpPrefix(IpAddress network, int length) {
    public IpPrefix {
        if (length < 0 || length > network.bits()) {
            throw new IllegalArgumentException("prefix length " + length + " out of range for IPv" + network.family());
        }
        network = new IpAddress(network.family(), network.high() & highMask(network.family(), length),
                network.low() & lowMask(network.family(), length));
    }

    public static IpPrefix parse(final String text) {
        final int slash = text.indexOf('/');
        final IpAddress address = IpAddress.parse(slash < 0 ? text : text.substring(0, slash));
        final int length;
        try {
            length = slash < 0 ? address.bits() : Integer.parseInt(text.substring(slash + 1).trim());
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("not a prefix length: " + text);
        }
        return new IpPrefix(address, length);
    }

    public static IpPrefix any(final int family) {
        return new IpPrefix(new IpAddress(family, 0, 0), 0);
    }

    public int family() {
        return network.family();
    }

    public long highMask() {
        return highMask(network.family(), length);
    }

    public long lowMask() {
        return lowMask(network.family(), length);
    }

    /** Last address of the prefix (the first is {@link #network()}). */
    public IpAddress last() {
        if (network.isV4()) {
            return new IpAddress(IpAddress.V4, 0, network.low() | (~lowMask() & 0xFFFF_FFFFL));
        }
        return new IpAddress(IpAddress.V6, network.high() | ~highMask(), network.low() | ~lowMask());
    }

    public boolean contains(final IpAddress a) {
        return a.family() == network.family() && (a.high() & highMask()) == network.high()
                && (a.low() & lowMask()) == network.low();
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
        return network + "/" + length;
    }
}
