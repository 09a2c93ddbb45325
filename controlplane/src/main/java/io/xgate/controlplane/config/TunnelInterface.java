package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpPrefix;
import java.util.List;
import java.util.Optional;

/** A logical {@code tunnel.N} interface: routes point at it, an IPsec tunnel binds to it. */
public record TunnelInterface(String name, Optional<String> zone, Optional<String> virtualRouter, List<IpPrefix> ip,
                              Ipv6Settings ipv6, int mtu) implements NetworkInterface {

    public static final String PREFIX = "tunnel.";
    public static final int DEFAULT_MTU = 1500;

    public TunnelInterface {
        ip = List.copyOf(ip);
    }
}
