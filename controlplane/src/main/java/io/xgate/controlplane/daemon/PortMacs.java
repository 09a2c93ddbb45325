package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.EthernetInterface;
import io.xgate.linux.netlink.MacAddress;
import io.xgate.linux.netlink.RouteNetlink;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The MAC of each ethernet port's device, by device name: where EUI-64 interface IDs come from. */
@FunctionalInterface
interface PortMacs {
    MacAddress of(String device);

    /**
     * Reads each port's MAC from the kernel once: the ports are fixed while the gateway runs ({@link RestartRules}),
     * so the addresses derived from them are too.
     */
    static PortMacs read(final RouteNetlink netlink, final List<EthernetInterface> ports) {
        final Map<String, MacAddress> macs = new HashMap<>();
        for (final EthernetInterface port : ports) {
            macs.put(port.device(), netlink.link(port.device()).mac());
        }
        return device -> {
            final MacAddress mac = macs.get(device);
            if (mac == null) {
                throw new IllegalArgumentException(device + " is not one of the ports the gateway opened");
            }
            return mac;
        };
    }
}
