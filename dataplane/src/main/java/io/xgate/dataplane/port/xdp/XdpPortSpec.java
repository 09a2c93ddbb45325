package io.xgate.dataplane.port.xdp;

import java.net.InetAddress;
import java.util.List;

/**
 * One port of a worker: the device and receive queue its AF_XDP socket binds to, its role, the virtual router
 * its packets are routed in, and the gateway's own addresses on it (a LAN port's XDP program leaves traffic to
 * them with the kernel).
 */
public record XdpPortSpec(int id, String device, int queue, PortRole role, int virtualRouter,
                          List<InetAddress> ownAddresses) {
    public XdpPortSpec {
        ownAddresses = List.copyOf(ownAddresses);
    }
}
