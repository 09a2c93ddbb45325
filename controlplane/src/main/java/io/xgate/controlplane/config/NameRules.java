package io.xgate.controlplane.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names: PAN-OS characters and lengths, unique per kind. Also the nested names (static routes per
 * virtual router, proxy IDs per tunnel) and PAN-OS's limit on "tunnel:proxy-id".
 */
final class NameRules implements ValidationRule {
    /** PAN-OS's set plus '/' for ethernet1/1; no ':' since it joins tunnel and proxy-id names. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/ -]*");
    private static final int ROUTE_NAME_MAX = 63;
    private static final int PROXY_ID_NAME_MAX = 31;

    @Override
    public void check(final DeviceConfig config, final ErrorCollector errors) {
        for (final Section section : Section.values()) {
            checkNames(section.objects(config), section.path(), section.maxNameLength(), errors);
        }
        Section.VIRTUAL_ROUTERS.each(config.virtualRouters(), (router, path) ->
                checkNames(router.staticRoutes(), path.key("static-routes"), ROUTE_NAME_MAX, errors));
        Section.IPSEC_TUNNELS.each(config.ipsecTunnels(), (tunnel, path) -> {
            if (tunnel.keying() instanceof AutoKey auto) {
                checkProxyIds(tunnel, auto, path.key("auto-key"), errors);
            }
        });
    }

    /** v4 and v6 proxy IDs share one name space: each becomes a child SA named tunnel:proxy-id. */
    private static void checkProxyIds(final IpsecTunnel tunnel, final AutoKey auto, final ConfigPath path,
                                      final ErrorCollector errors) {
        final Map<String, String> firstList = new HashMap<>();
        for (final String list : List.of("proxy-id", "proxy-id-v6")) {
            final List<ProxyId> ids = list.equals("proxy-id") ? auto.proxyId() : auto.proxyIdV6();
            checkNames(ids, path.key(list), PROXY_ID_NAME_MAX, errors);
            Section.each(ids, path.key(list), (id, idPath) -> {
                final String earlier = firstList.putIfAbsent(id.name(), list);
                if (earlier != null && !earlier.equals(list)) {
                    errors.add(idPath.key("name"), "'" + id.name() + "' is already a name in " + earlier);
                }
                final String full = tunnel.name() + ":" + id.name();
                if (full.length() > Section.IPSEC_TUNNELS.maxNameLength()) {
                    errors.add(idPath.key("name"), "tunnel and proxy-id name '" + full + "' must be at most "
                            + Section.IPSEC_TUNNELS.maxNameLength() + " characters, got " + full.length());
                }
            });
        }
    }

    static void checkNames(final List<? extends Named> items, final ConfigPath list, final int maxLength,
                           final ErrorCollector errors) {
        final Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            final String name = items.get(i).name();
            final ConfigPath path = Section.itemPath(list, items.get(i), i);
            if (name.isEmpty() || name.length() > maxLength) {
                errors.add(path.key("name"), "must be 1.." + maxLength + " characters, got " + name.length());
            } else if (!NAME.matcher(name).matches()) {
                errors.add(path.key("name"), "must start with a letter or digit and hold only letters, digits, "
                        + "'.', '_', '-', '/' and spaces, got '" + name + "'");
            }
            final Integer first = firstIndex.putIfAbsent(name, i);
            if (first != null && !name.isEmpty()) {
                errors.add(path, "duplicate name '" + name + "' (items " + first + " and " + i + ")");
            }
        }
    }
}
