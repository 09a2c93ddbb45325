package io.xgate.dataplane.port.xdp;

import static io.xgate.dataplane.port.xdp.XdpGatewayLab.HOST_B_V4;
import static io.xgate.dataplane.port.xdp.XdpGatewayLab.LAN;
import static io.xgate.dataplane.port.xdp.XdpGatewayLab.WAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.dataplane.counters.TrafficCounters;
import io.xgate.dataplane.worker.WorkerRunner;
import io.xgate.linux.bpf.XdpAttachMode;
import io.xgate.linux.xdp.XdpBindMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Frames flow hostA → LAN port → worker → WAN port → hostB over real veths and AF_XDP sockets, the worker on
 * its own thread. Needs root.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class XdpForwardingNamespaceTest {
    private static final int SINK_PORT = 5001;

    @Test
    void udpStreamFromHostAReachesHostBThroughTheWorkerAndCloseDetaches() throws Exception {
        final int datagrams = 500;
        try (XdpGatewayLab lab = XdpGatewayLab.create(PortRole.WAN)) {
            assertEquals(XdpBindMode.COPY, lab.ports().ports().get(LAN).bindMode());
            assertEquals(XdpAttachMode.NATIVE, lab.ports().steering(LAN).attachMode());
            try (WorkerRunner runner = startWorker(lab)) {
                lab.veth().peer(LAN, "ping", lab.veth().rootIpv4(LAN), "3"); // resolves hostA's gateway first
                final BufferedReader sink = startSink(lab, datagrams);
                lab.veth().peer(LAN, "flood", HOST_B_V4, Integer.toString(SINK_PORT), Integer.toString(datagrams), "64");

                assertEquals(Integer.toString(datagrams), sink.readLine().split(" ")[0], "datagrams at hostB");
            }
            final TrafficCounters lan = lab.context(LAN).counters();
            final TrafficCounters wan = lab.context(WAN).counters();
            assertTrue(lan.packetsIn() >= datagrams, "LAN port received " + lan.packetsIn());
            assertTrue(wan.packetsOut() >= datagrams, "WAN port sent " + wan.packetsOut());
            assertEquals(0, wan.totalDrops() + lan.totalDrops(), "ARP and pings to the gateway never reach the worker");
            System.out.printf("LAN in %d, WAN out %d, LAN %s, WAN %s%n", lan.packetsIn(), wan.packetsOut(),
                    lab.ports().ports().get(LAN).statistics(), lab.ports().ports().get(WAN).statistics());
            assertTrue(lab.deviceDetails(LAN).contains("prog/xdp"), lab.deviceDetails(LAN));

            lab.closePorts();

            assertFalse(lab.deviceDetails(LAN).contains("xdp"), lab.deviceDetails(LAN));
            assertFalse(lab.deviceDetails(WAN).contains("xdp"), lab.deviceDetails(WAN));
        }
    }

    @Test
    void pingsCrossTheGatewayAndTheirRepliesComeBackTheSameWay() throws Exception {
        try (XdpGatewayLab lab = XdpGatewayLab.create(PortRole.LAN); WorkerRunner runner = startWorker(lab)) {
            assertEquals("", lab.veth().peer(LAN, "ping", HOST_B_V4, "3"));
            assertEquals("", lab.veth().peer(LAN, "ping", lab.veth().peerIpv6(WAN), "3"));
            assertEquals("", lab.veth().peer(WAN, "ping", lab.veth().peerIpv4(LAN), "3"));

            for (final int port : new int[] {LAN, WAN}) {
                final TrafficCounters counters = lab.context(port).counters();
                assertTrue(counters.packetsIn() >= 3 && counters.packetsOut() >= 3,
                        "port " + port + " in " + counters.packetsIn() + " out " + counters.packetsOut());
            }
        }
    }

    /** Not a benchmark (python sends, two shared vCPUs): the rate seen here, for the record. */
    @Test
    void reportsTheForwardingRateSeenOnVeth() throws Exception {
        final int datagrams = 200_000;
        try (XdpGatewayLab lab = XdpGatewayLab.create(PortRole.WAN); WorkerRunner runner = startWorker(lab)) {
            lab.veth().peer(LAN, "ping", lab.veth().rootIpv4(LAN), "3");
            final BufferedReader sink = startSink(lab, datagrams);
            final String sent = lab.veth().peer(LAN, "flood", HOST_B_V4, Integer.toString(SINK_PORT),
                    Integer.toString(datagrams), "18").trim();
            final String[] received = sink.readLine().split(" ");
            final long count = Long.parseLong(received[0]);
            final double seconds = Double.parseDouble(received[1]);
            final TrafficCounters lan = lab.context(LAN).counters();
            System.out.printf("sent %s, worker rx %d tx %d, hostB got %d in %.3f s = %.0f pps; LAN %s%n", sent,
                    lan.packetsIn(), lab.context(WAN).counters().packetsOut(), count, seconds,
                    count / Math.max(seconds, 1e-9), lab.ports().ports().get(LAN).statistics());
            assertTrue(count > 0);
        }
    }

    private static WorkerRunner startWorker(final XdpGatewayLab lab) {
        return WorkerRunner.start(lab.worker(), new BackoffIdleStrategy(), Throwable::printStackTrace, null);
    }

    private static BufferedReader startSink(final XdpGatewayLab lab, final int expected) throws IOException {
        final Process sink = lab.veth().startPeer(WAN, "sink", Integer.toString(SINK_PORT), "2",
                Integer.toString(expected));
        final BufferedReader output = new BufferedReader(
                new InputStreamReader(sink.getInputStream(), StandardCharsets.US_ASCII));
        assertEquals("ready", output.readLine());
        return output;
    }
}
