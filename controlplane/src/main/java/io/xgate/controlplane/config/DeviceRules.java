package io.xgate.controlplane.config;

import io.xgate.dataplane.counters.TrafficCounters;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code device}: at least one worker, when CPUs are pinned one distinct CPU per worker, and a counters file
 * neither too small for a gateway's ports and a few tunnels nor beyond what can be mapped.
 */
final class DeviceRules implements ValidationRule {
    private static final ConfigPath DEVICE = ConfigPath.ROOT.key("device");

    @Override
    public void check(final DeviceConfig config, final ErrorCollector errors) {
        final Device device = config.device();
        if (device.workers() < 1) {
            errors.add(DEVICE.key("workers"), "must be at least 1, got " + device.workers());
        }
        if (device.counterSlots() < Device.MIN_COUNTER_SLOTS || device.counterSlots() > Device.MAX_COUNTER_SLOTS) {
            errors.add(DEVICE.key("counter-slots"), "must be " + Device.MIN_COUNTER_SLOTS + " to "
                    + Device.MAX_COUNTER_SLOTS + " (each SA direction takes " + TrafficCounters.SLOTS
                    + " slots of 640 B), got " + device.counterSlots());
        }
        final List<Integer> cpus = device.cpuList();
        final ConfigPath cpuPath = DEVICE.key("cpu-list");
        if (!cpus.isEmpty() && cpus.size() != device.workers()) {
            errors.add(cpuPath, "must list one CPU per worker (" + device.workers() + "), got " + cpus.size());
        }
        final Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < cpus.size(); i++) {
            final int cpu = cpus.get(i);
            if (cpu < 0) {
                errors.add(cpuPath.index(i), "must be a CPU number (0 or more), got " + cpu);
            } else if (!seen.add(cpu)) {
                errors.add(cpuPath.index(i), "CPU " + cpu + " is listed twice: each worker needs its own");
            }
        }
    }
}
