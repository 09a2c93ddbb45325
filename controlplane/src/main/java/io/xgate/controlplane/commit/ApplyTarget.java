package io.xgate.controlplane.commit;

/**
 * Where a commit takes effect: the daemon's data plane, IKE and routing. Implemented by the daemon; tests use
 * fakes, so commit logic needs no kernel.
 */
public interface ApplyTarget {

    /**
     * Brings the device from {@code change.before()} to {@code change.after()}, touching only the changed
     * objects: prepare every change first, then switch to them. Throws when any part cannot be applied.
     */
    void apply(ConfigChange change) throws Exception;

    /**
     * After {@link #apply} threw: restores exactly the state of {@code change.before()}, whatever part of the
     * change was already prepared or switched.
     */
    void revert(ConfigChange change) throws Exception;
}
