package io.xgate.controlplane.monitor;

/**
 * Installs or withdraws the routes that lead into a tunnel (its static routes), so the route lookup finds the next
 * path while it is withdrawn. Both are idempotent from the caller's view: the monitor asks only on changes.
 */
public interface RouteControl {
    void install(String tunnel, String reason);

    void withdraw(String tunnel, String reason);
}
