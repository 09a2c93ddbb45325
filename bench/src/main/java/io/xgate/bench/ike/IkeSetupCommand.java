package io.xgate.bench.ike;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code xgate bench ike-setup}: IKE SA setups per second and memory per established IKE+child SA, the xgate
 * responder ({@code xgate run}) against strongSwan's charon, the same initiator against both (see
 * {@link IkeSetup}). Prints each run as it ends, then the table; {@code --json FILE} saves every run. Needs root.
 */
public final class IkeSetupCommand {
    public static final String USAGE = """
            usage: xgate bench ike-setup [options]
              --sas N           IKE SAs per measured run (default 1000)
              --runs R          measured runs per DUT (default 3)
              --warm-up N       IKE SAs of the first run per DUT, which warms up and measures memory (default 3000)
              --window W        IKE SAs negotiating at once (default 32)
              --dut LIST        xgate,strongswan (default both; ratios are to strongswan)
              --run-seconds S   time limit of one run; SAs not up by then count as failed (default 120)
              --json FILE       also write every run as JSON""";

    private IkeSetupCommand() {
    }

    public static void run(final String[] args) throws Exception {
        if (System.getProperty("xgate.log") == null) {
            System.setProperty("xgate.log", "warning"); // the initiator's engines would log every SA at info
        }
        int warmUp = 3000;
        int sas = 1000;
        int runs = 3;
        int window = 32;
        List<String> duts = IkeSetup.DUTS;
        Duration limit = Duration.ofSeconds(120);
        Path json = null;
        for (int i = 0; i < args.length; i++) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
            }
            final String value = args[i + 1];
            switch (args[i++]) {
                case "--sas" -> sas = Integer.parseInt(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--warm-up" -> warmUp = Integer.parseInt(value);
                case "--window" -> window = Integer.parseInt(value);
                case "--dut" -> duts = Arrays.asList(value.split(","));
                case "--run-seconds" -> limit = Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
                case "--json" -> json = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1] + "\n" + USAGE);
            }
        }
        final IkeSetup.Settings settings = new IkeSetup.Settings(warmUp, sas, runs, window, duts, limit);
        final SetupReport report = IkeSetup.run(settings, System.err);
        System.out.printf("ike-setup: %d IKE SAs per run (IKE_SA_INIT + IKE_AUTH with PSK and the first child SA; "
                        + "AES-128-GCM, PRF-SHA-256, ECP-256), %d negotiating at once, %d measured runs per DUT taking "
                        + "turns after one warm-up/memory run of %d SAs each%n", sas, window, runs, warmUp);
        System.out.print(report.table());
        if (json != null) {
            report.writeJson(json);
            System.out.println("results: " + json);
        }
    }
}
