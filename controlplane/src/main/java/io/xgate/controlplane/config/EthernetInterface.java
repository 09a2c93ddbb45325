package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpPrefix;
import java.util.List;
import java.util.Optional;

/** A physical port ({@code ethernet1/1}) bound to a Linux netdev whose addresses stay on the kernel side. */
public record EthernetInterface(String name, String device, Optional<String> zone, Optional<String> virtualRouter,
                                List<IpPrefix> ip) implements NetworkInterface {
    public EthernetInterface {
        ip = List.copyOf(ip);
    }
}
