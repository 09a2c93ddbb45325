package io.xgate.linux.bpf;

/** Where an XDP program runs: in the driver before any skb exists, or generically on the skb path. */
public enum XdpAttachMode {
    NATIVE(1 << 2),   // XDP_FLAGS_DRV_MODE
    GENERIC(1 << 1);  // XDP_FLAGS_SKB_MODE

    final int flags;

    XdpAttachMode(int flags) {
        this.flags = flags;
    }
}
