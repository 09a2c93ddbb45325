package io.xgate.controlplane.commit;

import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.Named;
import io.xgate.controlplane.config.VirtualRouter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The kinds of config object a commit adds, removes or changes one by one, in the order they depend on each
 * other: what an object refers to comes before it, so applying in this order (and removing in reverse)
 * never leaves a dangling reference.
 */
public enum ObjectKind {
    DEVICE("device", c -> Map.of("device", c.device())),
    ZONE("zone", c -> byName(c.zones())),
    /** The router itself; its routes are objects of their own, so a route change leaves the router alone. */
    VIRTUAL_ROUTER("virtual-router", c -> byName(c.virtualRouters().stream()
            .map(r -> new VirtualRouter(r.name(), List.of())).toList())),
    ETHERNET_INTERFACE("ethernet-interface", c -> byName(c.interfaces().ethernet())),
    TUNNEL_INTERFACE("tunnel-interface", c -> byName(c.interfaces().tunnel())),
    /** Named {@code router/route}: route names are unique per virtual router only. */
    STATIC_ROUTE("static-route", c -> {
        final Map<String, Object> routes = new LinkedHashMap<>();
        c.virtualRouters().forEach(r -> r.staticRoutes().forEach(s -> routes.put(r.name() + "/" + s.name(), s)));
        return routes;
    }),
    IKE_CRYPTO_PROFILE("ike-crypto-profile", c -> byName(c.ikeCryptoProfiles())),
    IPSEC_CRYPTO_PROFILE("ipsec-crypto-profile", c -> byName(c.ipsecCryptoProfiles())),
    MONITOR_PROFILE("monitor-profile", c -> byName(c.monitorProfiles())),
    CERTIFICATE("certificate", c -> byName(c.certificates())),
    CERTIFICATE_PROFILE("certificate-profile", c -> byName(c.certificateProfiles())),
    IKE_GATEWAY("ike-gateway", c -> byName(c.ikeGateways())),
    IPSEC_TUNNEL("ipsec-tunnel", c -> byName(c.ipsecTunnels())),
    TUNNEL_GROUP("tunnel-group", c -> byName(c.tunnelGroups()));

    private final String label;
    private final Function<DeviceConfig, Map<String, Object>> objects;

    ObjectKind(final String label, final Function<DeviceConfig, Map<String, Object>> objects) {
        this.label = label;
        this.objects = objects;
    }

    public String label() {
        return label;
    }

    /** This kind's objects in {@code config}, by name, in document order. */
    Map<String, Object> objects(final DeviceConfig config) {
        return objects.apply(config);
    }

    private static Map<String, Object> byName(final List<? extends Named> objects) {
        final Map<String, Object> out = new LinkedHashMap<>();
        objects.forEach(o -> out.putIfAbsent(o.name(), o));
        return out;
    }
}
