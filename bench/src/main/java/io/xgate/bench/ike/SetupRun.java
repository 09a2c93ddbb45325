package io.xgate.bench.ike;

/**
 * One run against one responder: {@code sas} IKE SAs asked for, how many came up and failed, the time from the
 * first IKE_SA_INIT to the last outcome, the responder's own count of established SAs right after (baseline
 * subtracted), the CPU time the responder's process and the bench's (the initiator) used meanwhile, and — for
 * the first run only ({@code run == 0}, the warm-up) — the responder's memory before and after, else -1.
 */
record SetupRun(String dut, int run, int sas, int established, int failed, double seconds, int responderSas,
                double responderCpuSeconds, double initiatorCpuSeconds, long memoryBefore, long memoryAfter,
                String firstFailure) {

    double setupsPerSecond() {
        return seconds <= 0 ? 0 : established / seconds;
    }

    /** Responder CPU time per established SA, in milliseconds. */
    double cpuMillisPerSa() {
        return established == 0 ? 0 : responderCpuSeconds * 1000 / established;
    }

    /** The bench process's (the initiator's) CPU time per established SA, in milliseconds. */
    double initiatorCpuMillisPerSa() {
        return established == 0 ? 0 : initiatorCpuSeconds * 1000 / established;
    }

    boolean measuresMemory() {
        return memoryBefore >= 0 && memoryAfter >= 0 && established > 0;
    }

    /** Memory growth per established IKE SA with its child SA; meaningful only when {@link #measuresMemory()}. */
    double memoryPerSa() {
        return (double) (memoryAfter - memoryBefore) / established;
    }
}
