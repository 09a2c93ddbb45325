package io.xgate.bench.ike;

import io.xgate.bench.dut.BenchNetwork;
import io.xgate.bench.dut.Charon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * strongSwan 5.9.8's {@code charon} as the responder (kernel-libipsec, see {@link Charon}): one connection for any
 * remote ID ({@code %any}) with the same suite, PSK and child SA as the xgate responder. Its DoS limits are set
 * to xgate's: cookies from 64 half-open IKE SAs on (strongSwan's default is 10), and 256 half-open SAs per peer
 * address (default 5; every initiator here shares one address). The protected network's first address sits on the
 * WAN device, as the source of the route charon installs per child SA. Counts come from {@code swanctl --list-sas}
 * (IKE SAs ESTABLISHED with a child INSTALLED); memory is charon's resident set ({@code VmRSS}).
 */
final class StrongswanResponder implements IkeResponder {
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private static final Pattern IKE_SA = Pattern.compile("(?m)^\\S+: #\\d+, ESTABLISHED");
    private static final Pattern CHILD_SA = Pattern.compile("(?m)^\\s+\\S+: #\\d+, reqid \\d+, INSTALLED");

    private final Charon charon;
    private final String address;

    private StrongswanResponder(final Charon charon, final String address) {
        this.charon = charon;
        this.address = address;
    }

    static StrongswanResponder start(final BenchNetwork network, final String device, final String address,
                                     final String psk, final Path dir) throws IOException {
        // kernel-libipsec routes each child's remote selector into its TUN with a source inside the local one.
        network.ip("addr", "add", SetupCrypto.PROTECTED_ADDRESS, "dev", device);
        final String settings = """
                cookie_threshold = 64
                block_threshold = 256
                """;
        final String swanctl = """
                connections {
                  bench {
                    version = 2
                    local_addrs = %1$s
                    proposals = %2$s
                    local {
                      auth = psk
                      id = %3$s
                    }
                    remote {
                      auth = psk
                      id = %%any
                    }
                    children {
                      bench {
                        local_ts = %4$s
                        remote_ts = %5$s
                        esp_proposals = %6$s
                      }
                    }
                  }
                }
                secrets {
                  ike-bench {
                    secret = %7$s
                  }
                }
                """.formatted(address, SetupCrypto.STRONGSWAN_IKE, SetupCrypto.RESPONDER_ID, SetupCrypto.PROTECTED,
                SetupCrypto.INITIATOR_INNER, SetupCrypto.STRONGSWAN_ESP, "\"" + psk + "\"");
        return new StrongswanResponder(Charon.start(network, dir, settings, swanctl), address);
    }

    @Override
    public String name() {
        return "strongswan";
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public int establishedSas() throws IOException {
        final String sas = charon.swanctl("--list-sas");
        return (int) Math.min(IKE_SA.matcher(sas).results().count(), CHILD_SA.matcher(sas).results().count());
    }

    @Override
    public long memoryBytes() throws IOException {
        final Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(charon.pid()), "status")));
        if (!rss.find()) {
            throw new IOException("no VmRSS for charon " + charon.pid());
        }
        return Long.parseLong(rss.group(1)) * 1024;
    }

    @Override
    public long cpuNanos() throws IOException {
        return ProcessCpu.nanos(charon.pid());
    }

    @Override
    public String memoryMeasure() {
        return "charon's resident set (VmRSS)";
    }

    @Override
    public void close() {
        charon.close();
    }
}
