package io.xgate.controlplane.config;

import java.util.List;
import java.util.stream.Stream;

/** SAs negotiated by IKE with one of the listed gateways (more than one: failover between peers). */
public record AutoKey(List<String> ikeGateway, String ipsecCryptoProfile, List<ProxyId> proxyId,
                      List<ProxyId> proxyIdV6) implements Keying {

    public AutoKey {
        ikeGateway = List.copyOf(ikeGateway);
        proxyId = List.copyOf(proxyId);
        proxyIdV6 = List.copyOf(proxyIdV6);
    }

    /** The proxy IDs as written, IPv4 then IPv6. */
    public List<ProxyId> allProxyIds() {
        return Stream.concat(proxyId.stream(), proxyIdV6.stream()).toList();
    }

    /** What IKE negotiates: the written proxy IDs, or PAN-OS's route-based any/any when none are written. */
    public List<ProxyId> effectiveProxyIds() {
        final List<ProxyId> written = allProxyIds();
        return written.isEmpty() ? List.of(ProxyId.ROUTE_BASED) : written;
    }
}
