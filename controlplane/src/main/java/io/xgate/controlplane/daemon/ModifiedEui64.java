package io.xgate.controlplane.daemon;

import io.xgate.linux.netlink.MacAddress;

/**
 * The modified EUI-64 interface identifier of a 48-bit MAC (RFC 4291 appendix A): FF:FE goes between the OUI
 * and the rest, and the universal/local bit is inverted, so 00:26:08:DE:4E:29 gives 0226:08FF:FEDE:4E29.
 */
final class ModifiedEui64 {
    /** The U/L bit: bit 1 of the first octet, the top octet of the 64-bit identifier. */
    private static final long UNIVERSAL_LOCAL = 0x0200_0000_0000_0000L;
    private static final long FFFE = 0xFFFEL << 24;

    private ModifiedEui64() {
    }

    static long of(final MacAddress mac) {
        final long oui = mac.value() >>> 24;
        final long nic = mac.value() & 0xFF_FFFFL;
        return (oui << 40 | FFFE | nic) ^ UNIVERSAL_LOCAL;
    }
}
