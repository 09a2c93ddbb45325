package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpAddress;
import java.util.List;
import java.util.Optional;

/** Resolving a name against the objects that may carry it, with a hint when it looks misspelt. */
final class References {
    private References() {
    }

    static <T extends Named> Optional<T> resolve(final ErrorCollector errors, final ConfigPath path, final String name,
                                                 final List<T> candidates, final String section) {
        final Optional<T> found = Named.find(candidates, name);
        if (found.isEmpty()) {
            final List<String> names = candidates.stream().map(Named::name).toList();
            errors.add(path, "'" + name + "' is not defined in " + section
                    + (names.isEmpty() ? " (it is empty)" : DidYouMean.hint(name, names)));
        }
        return found;
    }

    /**
     * The interface a gateway or manual key sends from: an ethernet port (IKE and ESP leave through the
     * kernel-visible port), and when an address is named, one the port has. Returns the address family
     * when the address is named.
     */
    static Optional<Integer> localAddress(final DeviceConfig config, final LocalAddress local, final ConfigPath path,
                                           final ErrorCollector errors) {
        final ConfigPath interfacePath = path.key("interface");
        if (config.findInterface(local.interfaceName()).orElse(null) instanceof TunnelInterface tunnel) {
            errors.add(interfacePath, "must be an ethernet interface, " + tunnel.name() + " is a tunnel interface");
            return Optional.empty();
        }
        final Optional<EthernetInterface> port = resolve(errors, interfacePath, local.interfaceName(),
                config.interfaces().ethernet(), Section.ETHERNET.path().toString());
        if (port.isEmpty() || local.ip().isEmpty()) {
            return local.ip().map(IpAddress::family);
        }
        final IpAddress ip = local.ip().get();
        if (port.get().ip().stream().noneMatch(p -> p.address().equals(ip))) {
            errors.add(path.key("ip"), ip + " is not an address of " + port.get().name() + " " + port.get().ip());
        }
        return Optional.of(ip.family());
    }
}
