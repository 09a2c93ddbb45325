package io.xgate.controlplane.daemon;

import io.xgate.controlplane.commit.ConfigChange;
import io.xgate.controlplane.commit.ObjectChange;
import io.xgate.controlplane.commit.ObjectKind;
import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.Named;
import io.xgate.controlplane.config.TunnelInterface;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What a running gateway cannot change, checked before a commit touches anything: the {@code device} section
 * (workers, CPUs, files, socket), the ethernet ports (their devices, roles and addresses are in the sockets and
 * XDP programs opened at start), the gateway's own addresses (the LAN programs carry them), the numbering of
 * virtual routers (ports and tunnels carry their router's number), and a tunnel interface's MTU or virtual router
 * (its SAs point at it). Such a commit is refused with every reason; the admin restarts with the new config.
 */
final class RestartRules {
    static final String RESTART = "; this takes a restart of 'xgate run' with the new config (see README, state dir)";

    private RestartRules() {
    }

    /** @throws IllegalStateException naming everything in {@code change} a running gateway cannot apply */
    static void check(final DeviceConfig started, final ConfigChange change, final PortMacs macs) {
        final DeviceConfig after = change.after();
        final List<String> refused = new ArrayList<>();
        if (!after.device().equals(started.device())) {
            refused.add("device settings differ from those the gateway started with");
        }
        if (!after.interfaces().ethernet().equals(started.interfaces().ethernet())) {
            refused.add("ethernet ports (devices, zones, virtual routers, addresses) differ from those the gateway "
                    + "opened");
        }
        if (!new HashSet<>(new OwnAddresses(after, macs).all())
                .equals(new HashSet<>(new OwnAddresses(started, macs).all()))) {
            refused.add("the gateway's own addresses (ports and tunnel interfaces) differ from those its XDP programs "
                    + "were built with");
        }
        final List<String> routersBefore = change.before().virtualRouters().stream().map(Named::name).toList();
        final List<String> routersAfter = after.virtualRouters().stream().map(Named::name).toList();
        for (final String router : routersBefore) {
            if (routersAfter.contains(router) && routersAfter.indexOf(router) != routersBefore.indexOf(router)) {
                refused.add("virtual router " + router + " moves in the list (routers are numbered by position; "
                        + "add new ones at the end)");
            }
        }
        for (final ObjectChange c : change.changes()) {
            if (c.kind() == ObjectKind.TUNNEL_INTERFACE && c.action() == ObjectChange.Action.CHANGED) {
                final TunnelInterface before = (TunnelInterface) c.before().orElseThrow();
                final TunnelInterface now = (TunnelInterface) c.after().orElseThrow();
                if (before.mtu() != now.mtu() || !before.virtualRouter().equals(now.virtualRouter())) {
                    refused.add(c.name() + ": MTU or virtual router changed (its SAs point at the tunnel as it is)");
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException("not applied while running: " + String.join("; ", refused) + RESTART);
        }
    }
}
