package io.xgate.controlplane.daemon;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Receive queues as sysfs lists them, on a fake /sys/class/net. */
class DeviceQueuesTest {
    @TempDir
    Path sys;

    private void device(final String name, final int rx, final int tx) throws IOException {
        for (int i = 0; i < rx; i++) {
            Files.createDirectories(sys.resolve(name).resolve("queues").resolve("rx-" + i));
        }
        for (int i = 0; i < tx; i++) {
            Files.createDirectories(sys.resolve(name).resolve("queues").resolve("tx-" + i));
        }
    }

    @Test
    void countsOnlyReceiveQueues() throws IOException {
        device("eth0", 4, 8);
        assertEquals(4, new DeviceQueues(sys).rxQueues("eth0"));
    }

    @Test
    void aDeviceWithTooFewQueuesIsRefusedByNameAndCount() throws IOException {
        device("wan0", 2, 2);
        device("lan0", 1, 2);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DeviceQueues(sys).requireAtLeast(List.of("wan0", "lan0"), 2));
        assertEquals("device.workers: 2 workers need 2 receive queues on every port, but lan0 has 1 (a NIC: ethtool"
                + " -L lan0 combined 2; a veth: create it with numrxqueues 2 numtxqueues 2)", e.getMessage());
    }

    @Test
    void enoughQueuesEverywherePass() throws IOException {
        device("wan0", 2, 2);
        device("lan0", 3, 3);
        assertDoesNotThrow(() -> new DeviceQueues(sys).requireAtLeast(List.of("wan0", "lan0"), 2));
    }
}
