package io.xgate.dataplane.port.xdp;

/** Which side of the gateway a port faces; it decides what the port's XDP program sends to the data plane. */
public enum PortRole {
    /** Protected side: transit IP traffic to the data plane; the gateway's own, ARP/ND, multicast to the kernel. */
    LAN,
    /** Unprotected side: ESP and ESP-in-UDP to the data plane; IKE, ARP/ND and the rest to the kernel. */
    WAN
}
