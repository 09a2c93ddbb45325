package io.xgate.controlplane.config;

import java.util.List;
import java.util.Optional;

/**
 * xgate host settings: data-plane workers, their CPUs, where the daemon puts its files, and opt-in debugging.
 */
public record Device(int workers, List<Integer> cpuList, String countersFile, String managementSocket,
                     Debug debug) {

    public static final Device DEFAULT = new Device(1, List.of(), "/run/xgate/counters.dat", "/run/xgate/xgate.sock");

    /**
     * {@code debug}: nothing by default. {@code key-export-dir} makes the daemon write Wireshark's
     * {@code esp_sa} and {@code ikev2_decryption_table} for every negotiated SA there — secrets on disk, so only
     * for a lab.
     */
    public record Debug(Optional<String> keyExportDir) {
        public static final Debug NONE = new Debug(Optional.empty());
    }

    public Device {
        cpuList = List.copyOf(cpuList);
    }

    public Device(final int workers, final List<Integer> cpuList, final String countersFile,
                  final String managementSocket) {
        this(workers, cpuList, countersFile, managementSocket, Debug.NONE);
    }
}
