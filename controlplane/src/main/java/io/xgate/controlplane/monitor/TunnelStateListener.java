package io.xgate.controlplane.monitor;

/**
 * Told of every tunnel-monitor state change and every tunnel-group switch, on the control thread, after it was
 * logged and applied. The management API's event stream subscribes here; implementations hand off and return.
 */
public interface TunnelStateListener {
    void onTunnelStatus(TunnelStatus status);

    void onGroupStatus(TunnelGroupStatus status);
}
