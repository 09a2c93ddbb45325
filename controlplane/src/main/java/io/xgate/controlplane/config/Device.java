package io.xgate.controlplane.config;

import java.util.List;
import java.util.Optional;

/**
 * xgate host settings: data-plane workers, their CPUs, where the daemon puts its files and how many counters the
 * counters file holds, and opt-in debugging.
 */
public record Device(int workers, List<Integer> cpuList, String countersFile, String managementSocket,
                     Debug debug, int counterSlots) {

    /**
     * Room for about 1350 negotiated child SAs besides ports and tunnels (a child SA takes twice
     * {@link io.xgate.dataplane.counters.TrafficCounters#SLOTS}, 48 slots); 640 B each with metadata, a 40 MiB
     * sparse file.
     */
    public static final int DEFAULT_COUNTER_SLOTS = 65_536;
    public static final int MIN_COUNTER_SLOTS = 1_024;
    /** 640 MiB of counters file; also keeps the file's lengths within an int. */
    public static final int MAX_COUNTER_SLOTS = 1_048_576;
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
        this(workers, cpuList, countersFile, managementSocket, Debug.NONE, DEFAULT_COUNTER_SLOTS);
    }
}
