package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import java.util.Optional;

/** A static route; through a tunnel interface it needs no next hop, through an ethernet port it usually does. */
public record StaticRoute(String name, IpPrefix destination, String interfaceName, Optional<IpAddress> nexthop,
                          int metric) implements Named {
    public static final int DEFAULT_METRIC = 10;
}
