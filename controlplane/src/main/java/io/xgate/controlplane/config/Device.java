package io.xgate.controlplane.config;

import java.util.List;

/** xgate host settings: data-plane workers, their CPUs, and where the daemon puts its files. */
public record Device(int workers, List<Integer> cpuList, String countersFile, String managementSocket) {

    public static final Device DEFAULT = new Device(1, List.of(), "/run/xgate/counters.dat", "/run/xgate/xgate.sock");

    public Device {
        cpuList = List.copyOf(cpuList);
    }
}
