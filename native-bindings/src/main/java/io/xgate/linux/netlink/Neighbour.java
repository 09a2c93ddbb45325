package io.xgate.linux.netlink;

import java.net.InetAddress;

/**
 * A neighbour table entry (ARP or ND): {@code mac} is null while the kernel has none (INCOMPLETE, FAILED).
 * {@code state} is the kernel's NUD_* bit set.
 */
public record Neighbour(int ifindex, InetAddress address, MacAddress mac, int state) {
    public static final int NUD_INCOMPLETE = 0x01;
    public static final int NUD_REACHABLE = 0x02;
    public static final int NUD_STALE = 0x04;
    public static final int NUD_DELAY = 0x08;
    public static final int NUD_PROBE = 0x10;
    public static final int NUD_FAILED = 0x20;
    public static final int NUD_NOARP = 0x40;
    public static final int NUD_PERMANENT = 0x80;
    private static final int USABLE = NUD_REACHABLE | NUD_STALE | NUD_DELAY | NUD_PROBE | NUD_PERMANENT | NUD_NOARP;

    /** The MAC may be used to send: the kernel would send to it too (stale entries get re-confirmed by it). */
    public boolean usable() {
        return mac != null && (state & USABLE) != 0;
    }
}
