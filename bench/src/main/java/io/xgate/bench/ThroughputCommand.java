package io.xgate.bench;

import io.xgate.bench.dut.Duts;
import io.xgate.bench.dut.TrafficDut;
import io.xgate.bench.report.ProgressLine;
import io.xgate.bench.report.ResultJson;
import io.xgate.bench.report.Units;
import io.xgate.bench.search.SearchResult;
import io.xgate.bench.search.SearchSettings;
import io.xgate.bench.search.ThroughputSearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** {@code xgate bench throughput [options]}: RFC 2544 NDR and PDR of a DUT, printed and saved as JSON. */
public final class ThroughputCommand {
    public static final String USAGE = "usage: xgate bench throughput [options]\n"
            + TrafficOptions.OPTIONS.formatted(String.join("|", Duts.NAMES), "2");

    private ThroughputCommand() {
    }

    public static void run(final String[] args) throws IOException {
        final TrafficOptions o = TrafficOptions.parse("throughput", args, Duration.ofSeconds(2));
        final SearchSettings settings = new SearchSettings(o.sizes(), o.maxPps(), o.resolutionPps(), o.trial(),
                o.pdrLossRatio());
        Files.createDirectories(o.out());
        final ProgressLine progress = new ProgressLine(System.err, o.trialNanos());
        final SearchResult result;
        try (TrafficDut dut = Duts.open(o.dut(), o.flows(), o.ipv6(), o.drain(), progress)) {
            Warmup.run(dut, o.sizes());
            result = ThroughputSearch.run(dut, settings, progress);
        }
        final Path json = o.out().resolve("throughput.json");
        ResultJson.write(json, ResultJson.throughput(result));
        System.out.printf("%s, %s B frames, %d flows, %s: NDR %s, PDR (loss <= %s) %s, %d trials of %s s%n",
                result.dut(), o.sizes(), o.flows(), o.ipv6() ? "IPv6" : "IPv4", Units.rate(result.ndrPps()),
                o.pdrLossRatio(), Units.rate(result.pdrPps()), result.trials().size(), o.trial().toMillis() / 1000.0);
        System.out.println("results: " + json);
    }
}
