package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;

/** Static routes: a clean destination prefix, an existing interface in the same virtual router, a sane next hop. */
final class RouteRules implements ValidationRule {
    static final IntRange METRIC = new IntRange(1, 65535);

    @Override
    public void check(final DeviceConfig config, final ErrorCollector errors) {
        Section.VIRTUAL_ROUTERS.each(config.virtualRouters(), (router, routerPath) ->
                Section.each(router.staticRoutes(), routerPath.key("static-routes"), (route, path) -> {
                    final IpPrefix destination = route.destination();
                    if (destination.hasHostBits()) {
                        errors.add(path.key("destination"), destination + " has host bits set, did you mean "
                                + destination.masked() + "?");
                    }
                    References.resolve(errors, path.key("interface"), route.interfaceName(), config.interfaces().all(),
                            "interfaces").ifPresent(port -> port.virtualRouter()
                            .filter(owner -> !owner.equals(router.name()))
                            .ifPresent(owner -> errors.add(path.key("interface"), route.interfaceName()
                                    + " belongs to virtual router " + owner + ", not " + router.name())));
                    route.nexthop().filter(hop -> hop.family() != destination.family()).ifPresent(hop ->
                            errors.add(path.key("nexthop").key("ip-address"), "must be an " + IpAddress.familyName(destination.family())
                                    + " address like the destination, got " + hop));
                    errors.checkRange(path.key("metric"), METRIC, route.metric());
                }));
    }
}
