package io.xgate.controlplane.daemon;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many receive queues a device has enabled, as sysfs lists them ({@code /sys/class/net/DEV/queues/rx-N}: the
 * kernel's real_num_rx_queues, what {@code ethtool -L} sets and what an AF_XDP bind is checked against). Each
 * worker binds one queue of every port, so a device needs at least as many as there are workers.
 */
final class DeviceQueues {
    private final Path sysClassNet;

    DeviceQueues() {
        this(Path.of("/sys/class/net"));
    }

    DeviceQueues(final Path sysClassNet) {
        this.sysClassNet = sysClassNet;
    }

    int rxQueues(final String device) throws IOException {
        int queues = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(sysClassNet.resolve(device).resolve("queues"),
                "rx-*")) {
            for (final Path ignored : entries) {
                queues++;
            }
        }
        return queues;
    }

    /** Refuses, naming the device and its count, when a device has fewer receive queues than {@code workers}. */
    void requireAtLeast(final Iterable<String> devices, final int workers) throws IOException {
        for (final String device : devices) {
            final int queues = rxQueues(device);
            if (queues < workers) {
                throw new IllegalArgumentException("device.workers: " + workers + " workers need " + workers
                        + " receive queues on every port, but " + device + " has " + queues
                        + " (a NIC: ethtool -L " + device + " combined " + workers + "; a veth: create it with"
                        + " numrxqueues " + workers + " numtxqueues " + workers + ")");
            }
        }
    }
}
