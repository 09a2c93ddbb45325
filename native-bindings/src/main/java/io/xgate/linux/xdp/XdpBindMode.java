package io.xgate.linux.xdp;

/** How the kernel moves frames between the NIC and the UMEM for a bound AF_XDP socket. */
public enum XdpBindMode {
    /** The driver DMAs straight into the UMEM (i40e, ice, mlx5, ...). */
    ZEROCOPY,
    /** The kernel copies each frame (veth, and any driver without AF_XDP zero-copy support). */
    COPY
}
