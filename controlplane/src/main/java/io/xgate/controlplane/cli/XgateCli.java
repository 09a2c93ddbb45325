package io.xgate.controlplane.cli;

/** Entry point of {@code scripts/xgate}: dispatches the first word to a command. */
public final class XgateCli {
    private XgateCli() {
    }

    public static void main(final String[] args) {
        System.out.println("xgate 0.1.0-SNAPSHOT");
    }
}
