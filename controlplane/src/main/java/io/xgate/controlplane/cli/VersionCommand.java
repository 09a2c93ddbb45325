package io.xgate.controlplane.cli;

import io.xgate.controlplane.ike.crypto.KeyExchangeLibrary;
import io.xgate.dataplane.crypto.CryptoProviders;
import java.io.PrintStream;
import java.util.List;

/** {@code xgate version}: the build, the JVM, and the crypto libraries the data plane and IKE would use. */
final class VersionCommand implements Command {
    static final String VERSION = "0.1.0-SNAPSHOT";

    @Override
    public int run(final List<String> args, final PrintStream out, final PrintStream err) {
        out.println("xgate " + VERSION);
        out.println("java: " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")");
        out.println(CryptoProviders.select());
        out.println(KeyExchangeLibrary.active());
        return 0;
    }
}
