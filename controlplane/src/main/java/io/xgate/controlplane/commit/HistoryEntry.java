package io.xgate.controlplane.commit;

/**
 * One committed version: its number, when (ISO-8601, UTC) and by whom it was committed, the admin's comment
 * and a summary of what changed against the version before.
 */
public record HistoryEntry(int version, String time, String user, String comment, String changes) {
}
