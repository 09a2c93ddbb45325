package io.xgate.linux.netlink;

/** What RTM_GETLINK says about a device; {@code mac} is null for devices without one (e.g. tun). */
public record LinkInfo(int index, String name, MacAddress mac, int mtu, int flags) {
    private static final int IFF_UP = 0x1;

    public boolean up() {
        return (flags & IFF_UP) != 0;
    }
}
