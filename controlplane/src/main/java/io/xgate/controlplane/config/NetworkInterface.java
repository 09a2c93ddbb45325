package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpPrefix;
import java.util.List;
import java.util.Optional;

/** What zones, virtual routers, routes and gateways need from any interface. */
public sealed interface NetworkInterface extends Named permits EthernetInterface, TunnelInterface {
    Optional<String> zone();

    Optional<String> virtualRouter();

    /** IPv4 (and for ethernet ports IPv6) addresses with their prefix length. */
    List<IpPrefix> ip();
}
