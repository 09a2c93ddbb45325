package io.xgate.controlplane.ike.policy;

import io.xgate.controlplane.config.IpsecCryptoProfile;
import io.xgate.controlplane.config.IpsecTunnel;
import io.xgate.controlplane.config.ProxyId;

/** One child SA an auto-key tunnel wants: a proxy ID (or the route-based any/any) and its crypto profile. */
public record ChildPolicy(IpsecTunnel tunnel, ProxyId proxyId, IpsecCryptoProfile profile) {

    /** {@code to-b:p1}, or the tunnel name alone when it is route-based (PAN-OS's way of naming proxy IDs). */
    public String name() {
        return proxyId.name().isEmpty() ? tunnel.name() : tunnel.name() + ":" + proxyId.name();
    }

    @Override
    public String toString() {
        return name();
    }
}
