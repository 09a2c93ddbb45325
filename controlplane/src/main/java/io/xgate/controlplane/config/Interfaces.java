package io.xgate.controlplane.config;

import java.util.List;
import java.util.stream.Stream;

public record Interfaces(List<EthernetInterface> ethernet, List<TunnelInterface> tunnel) {

    public Interfaces {
        ethernet = List.copyOf(ethernet);
        tunnel = List.copyOf(tunnel);
    }

    /** Ethernet ports then tunnel interfaces: they share one name space. */
    public List<NetworkInterface> all() {
        return Stream.<NetworkInterface>concat(ethernet.stream(), tunnel.stream()).toList();
    }
}
