package io.xgate.bench.dut;

import io.xgate.bench.traffic.TrafficProfile;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.linux.netlink.MacAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two-gateway lab {@code scripts/lab up} leaves running (two {@code xgate run} processes): the generator
 * sends from host-a's device ({@code ha0} in {@code xg-host-a}) to gw-a's LAN MAC, the sink takes host-b's
 * device ({@code hb0} in {@code xg-host-b}; its XDP program takes the probes from host-b's kernel). The probes
 * go from 198.18.1.100 + flow to host-b, 198.18.2.10: gw-a routes them into its tunnel, gw-b delivers them to
 * host-b's MAC. The lab belongs to the script: closing removes nothing. IPv4 only.
 */
public final class LabPath implements TrafficPath {
    private static final Path HOST_A = Path.of("/run/netns/xg-host-a");
    private static final Path HOST_B = Path.of("/run/netns/xg-host-b");
    private static final String GENERATOR = "ha0";
    private static final String SINK = "hb0";
    private static final IpAddress SOURCE = IpAddress.parse("198.18.1.100");
    private static final IpAddress HOST_B_IP = IpAddress.parse("198.18.2.10");
    private static final Pattern ETHER = Pattern.compile("link/ether ([0-9a-f:]{17})");

    private final long generatorMac;
    private final long gatewayMac;

    private LabPath(final long generatorMac, final long gatewayMac) {
        this.generatorMac = generatorMac;
        this.gatewayMac = gatewayMac;
    }

    public static LabPath attach() throws IOException {
        if (!HOST_A.toFile().exists() || !HOST_B.toFile().exists()) {
            throw new IOException("no lab running: start it with scripts/lab up");
        }
        return new LabPath(mac("xg-host-a", GENERATOR), mac("xg-gw-a", "xg-a-lan"));
    }

    private static long mac(final String namespace, final String device) throws IOException {
        final Matcher m = ETHER.matcher(BenchNetwork.output("ip", "-n", namespace, "link", "show", device));
        if (!m.find()) {
            throw new IOException(device + " in " + namespace + " has no MAC address");
        }
        return MacAddress.parse(m.group(1)).value();
    }

    @Override
    public Path namespace() {
        return HOST_A;
    }

    @Override
    public Path sinkNamespace() {
        return HOST_B;
    }

    @Override
    public String generatorDevice() {
        return GENERATOR;
    }

    @Override
    public String sinkDevice() {
        return SINK;
    }

    @Override
    public TrafficProfile profile(final int flows, final boolean ipv6) {
        if (ipv6) {
            throw new IllegalArgumentException("the lab DUT carries IPv4 only");
        }
        return new TrafficProfile(generatorMac, gatewayMac, SOURCE, HOST_B_IP, SOURCE_PORT, SINK_PORT, flows);
    }

    @Override
    public void close() {
    }
}
