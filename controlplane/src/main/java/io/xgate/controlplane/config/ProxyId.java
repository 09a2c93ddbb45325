package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;

/** One traffic-selector pair; each proxy ID is its own child SA pair. */
public record ProxyId(String name, IpPrefix local, IpPrefix remote, Protocol protocol) implements Named {

    /** What PAN-OS proposes when a tunnel lists no proxy ID: everything, route-based. */
    public static final ProxyId ROUTE_BASED = new ProxyId("", IpPrefix.any(IpAddress.V4), IpPrefix.any(IpAddress.V4), Any.INSTANCE);

    public sealed interface Protocol {
    }

    public enum Any implements Protocol {
        INSTANCE
    }

    /** An IP protocol number other than TCP/UDP-with-ports, 1..254. */
    public record Number(int number) implements Protocol {
    }

    /** TCP or UDP, with 0 meaning any port. */
    public record Ports(Transport transport, int localPort, int remotePort) implements Protocol {
    }

    public enum Transport implements ConfigEnum {
        TCP, UDP
    }
}
