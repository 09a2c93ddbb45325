package io.xgate.dataplane.port.xdp;

import io.xgate.linux.netlink.RouteNetlink;
import java.util.ArrayList;
import java.util.List;

/**
 * The steering of every device the gateway runs on, for all its workers: one XDP program and one XSKMAP per
 * device, with a slot per receive queue. Worker i's socket on a device registers at slot i, so the program sends
 * each frame to the socket of the queue it arrived on (the kernel lets an XSKMAP redirect reach only a socket
 * bound to the frame's own device and queue). Until a socket registers, its queue's frames go to the kernel.
 */
public final class GatewaySteering implements AutoCloseable {
    private final List<DeviceSteering> devices;
    private final int queues;

    private GatewaySteering(final List<DeviceSteering> devices, final int queues) {
        this.devices = List.copyOf(devices);
        this.queues = queues;
    }

    /** Attaches the program of each spec's device (and role), for {@code queues} receive queues. */
    public static GatewaySteering attach(final List<XdpPortSpec> specs, final int queues) {
        final List<DeviceSteering> devices = new ArrayList<>();
        try (RouteNetlink netlink = new RouteNetlink()) {
            for (final XdpPortSpec spec : specs) {
                devices.add(DeviceSteering.attach(netlink.link(spec.device()).index(), spec.role(),
                        spec.ownAddresses(), queues));
            }
            return new GatewaySteering(devices, queues);
        } catch (final RuntimeException e) {
            devices.reversed().forEach(d -> closeQuietly(d, e));
            throw e;
        }
    }

    private static void closeQuietly(final DeviceSteering device, final RuntimeException failure) {
        try {
            device.close();
        } catch (final RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** The steering of the device of spec {@code index}. */
    public DeviceSteering device(final int index) {
        return devices.get(index);
    }

    /** Receive queues per device that have a slot: one per worker. */
    public int queues() {
        return queues;
    }

    /** Detaches every program: the kernel gets all traffic back. */
    @Override
    public void close() {
        final RuntimeException failure = new IllegalStateException("detaching the XDP programs failed");
        devices.reversed().forEach(d -> closeQuietly(d, failure));
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }
}
