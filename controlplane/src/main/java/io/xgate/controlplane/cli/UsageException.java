package io.xgate.controlplane.cli;

/** The command line does not fit the command's usage. */
final class UsageException extends Exception {
    UsageException() {
        super("usage");
    }
}
