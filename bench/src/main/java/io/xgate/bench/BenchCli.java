package io.xgate.bench;

/** Entry point of {@code scripts/xgate bench}. */
public final class BenchCli {
    private BenchCli() {
    }

    public static void main(final String[] args) {
        System.out.println("xgate bench");
    }
}
