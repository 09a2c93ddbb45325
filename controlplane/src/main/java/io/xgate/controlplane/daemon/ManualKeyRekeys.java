package io.xgate.controlplane.daemon;

import io.xgate.controlplane.monitor.RekeyRequester;
import java.lang.System.Logger.Level;

/**
 * {@code wait-recover} for manual-key tunnels: there is no IKE to renegotiate with, so the keys stay as configured,
 * the routes stay, and the monitor keeps probing until the path answers again. Auto-key tunnels get the IKE
 * engine's requester instead.
 */
final class ManualKeyRekeys implements RekeyRequester {
    private static final System.Logger LOG = System.getLogger(ManualKeyRekeys.class.getName());

    @Override
    public void requestRekey(final String tunnel, final String reason) {
        LOG.log(Level.WARNING, "tunnel {0} is down ({1}): wait-recover, but manual keys cannot be renegotiated; "
                + "keys and routes stay, probing goes on", tunnel, reason);
    }
}
