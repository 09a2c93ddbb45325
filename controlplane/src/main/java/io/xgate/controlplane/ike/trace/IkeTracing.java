package io.xgate.controlplane.ike.trace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which gateways are traced ({@code debug ike gateway G on|off}) and where their lines go. Off for every gateway
 * at start and never stored: a restart traces nothing. Used on the thread that runs the IKE engine.
 */
public final class IkeTracing {
    private final Consumer<IkeTraceLine> sink;
    private final Map<String, IkeTrace> traced = new HashMap<>();

    public IkeTracing(final Consumer<IkeTraceLine> sink) {
        this.sink = sink;
    }

    /** @return whether this changed anything (false: it was already so) */
    public boolean trace(final String gateway, final boolean on) {
        if (on) {
            return traced.putIfAbsent(gateway, new GatewayTrace(gateway, sink)) == null;
        }
        return traced.remove(gateway) != null;
    }

    /** The traced gateways, sorted. */
    public List<String> gateways() {
        return traced.keySet().stream().sorted().toList();
    }

    /** The gateway's trace: {@link IkeTrace#OFF} unless it is traced. */
    public IkeTrace of(final String gateway) {
        return traced.getOrDefault(gateway, IkeTrace.OFF);
    }
}
