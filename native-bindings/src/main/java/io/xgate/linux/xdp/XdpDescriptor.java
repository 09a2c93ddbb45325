package io.xgate.linux.xdp;

/** struct xdp_desc { u64 addr; u32 len; u32 options; } — the RX and TX ring entry. */
final class XdpDescriptor {
    static final int SIZE = 16;
    static final int ADDR = 0;
    static final int LEN = 8;
    static final int OPTIONS = 12;

    private XdpDescriptor() {
    }
}
