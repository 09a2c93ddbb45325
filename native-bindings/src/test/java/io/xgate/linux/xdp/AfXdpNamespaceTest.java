package io.xgate.linux.xdp;

import static io.xgate.linux.xdp.TestFrames.esp;
import static io.xgate.linux.xdp.TestFrames.ethernet;
import static io.xgate.linux.xdp.TestFrames.ipv4;
import static io.xgate.linux.xdp.TestFrames.ipv6;
import static io.xgate.linux.xdp.TestFrames.ipv6FirstFragment;
import static io.xgate.linux.xdp.TestFrames.udp;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.linux.bpf.BpfMap;
import io.xgate.linux.bpf.BpfProgram;
import io.xgate.linux.bpf.XdpAttachMode;
import io.xgate.linux.bpf.XdpLink;
import io.xgate.linux.bpf.XdpSteering;
import io.xgate.linux.sys.VethLab;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.foreign.MemorySegment;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real AF_XDP sockets on veth with the WAN steering program attached: the root-namespace end is the
 * gateway's port, the namespace end is the peer. Needs root.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AfXdpNamespaceTest {
    private static final int FRAMES = 1024;
    private static final int FRAME_SIZE = 2048;
    private static final int RX_FRAMES = FRAMES / 2;
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void wanSteeringSendsEspAndAhToTheSocketAndIkeArpIcmpToTheKernel() throws Exception {
        try (VethLab lab = VethLab.create(1);
             Umem umem = Umem.allocate(FRAMES, FRAME_SIZE, 0);
             XskSocket socket = XskSocket.open(umem, lab.rootIndex(0), 0, XskConfig.defaults());
             BpfMap xsks = BpfMap.xskMap(1, "xgt_xsks");
             BpfProgram program = XdpSteering.wan(xsks);
             XdpLink link = XdpLink.attach(program, lab.rootIndex(0));
             DatagramSocket ike = kernelSocket(lab.rootIpv4(0), 500);
             DatagramSocket natT = kernelSocket(lab.rootIpv4(0), 4500)) {
            assertEquals(XdpBindMode.COPY, socket.mode(), "veth has no zero-copy");
            xsks.updateInt(0, socket.fd());
            lendFrames(socket, 0, RX_FRAMES);

            String peer = lab.peerMac(0);
            String root = lab.rootMac(0);
            List<byte[]> esp = List.of(
                    ethernet(root, peer, TestFrames.ETHERTYPE_IPV4,
                            ipv4(lab.peerIpv4(0), lab.rootIpv4(0), TestFrames.PROTO_ESP, esp(0x1001, 1))),
                    ethernet(root, peer, TestFrames.ETHERTYPE_IPV6,
                            ipv6(lab.peerIpv6(0), lab.rootIpv6(0), TestFrames.PROTO_ESP, esp(0x1002, 1))),
                    ethernet(root, peer, TestFrames.ETHERTYPE_IPV6, ipv6(lab.peerIpv6(0), lab.rootIpv6(0),
                            TestFrames.IPV6_FRAGMENT, ipv6FirstFragment(TestFrames.PROTO_ESP, esp(0x1003, 1)))),
                    ethernet(root, peer, TestFrames.ETHERTYPE_IPV4, ipv4(lab.peerIpv4(0), lab.rootIpv4(0),
                            TestFrames.PROTO_UDP, udp(4500, 4500, esp(0x1004, 1)))),
                    // AH's SPI sits 4 bytes in; the program only looks at the protocol, so ESP's bytes do.
                    ethernet(root, peer, TestFrames.ETHERTYPE_IPV4,
                            ipv4(lab.peerIpv4(0), lab.rootIpv4(0), TestFrames.PROTO_AH, esp(0x1005, 1))),
                    ethernet(root, peer, TestFrames.ETHERTYPE_IPV6,
                            ipv6(lab.peerIpv6(0), lab.rootIpv6(0), TestFrames.PROTO_AH, esp(0x1006, 1))));
            lab.peer(sendCommand(lab, esp));

            assertEquals(hexSet(esp), hexSet(receive(socket, esp.size())));

            lab.peer("udp", lab.rootIpv4(0), "500", HEX.formatHex("ike-sa-init".getBytes(StandardCharsets.US_ASCII)));
            assertEquals("ike-sa-init", new String(receive(ike), StandardCharsets.US_ASCII));
            lab.peer("udp", lab.rootIpv4(0), "4500", "00000000" + HEX.formatHex("ike-auth".getBytes(StandardCharsets.US_ASCII)));
            assertEquals("00000000696b652d61757468", HEX.formatHex(receive(natT)));
            lab.peer("udp", lab.rootIpv4(0), "4500", "ff");
            assertEquals("ff", HEX.formatHex(receive(natT)), "NAT keepalive reaches the kernel");
            lab.peer("ping", lab.rootIpv4(0), "3");   // needs ARP and ICMP through the kernel
            lab.peer("ping", lab.rootIpv6(0), "3");   // needs ND and ICMPv6 through the kernel

            assertEquals(0, socket.rx().peek(1), "nothing but ESP reached the socket");
            XdpStatistics statistics = socket.statistics();
            assertEquals(0, statistics.rxDropped() + statistics.rxInvalidDescriptors(), statistics.toString());
            System.out.printf("xdp attach mode %s, bind mode %s, %s%n", link.mode(), socket.mode(), statistics);
        }
    }

    @Test
    void lanSteeringSendsTransitTrafficToTheSocketAndTheGatewaysOwnToTheKernel() throws Exception {
        try (VethLab lab = VethLab.create(1);
             Umem umem = Umem.allocate(FRAMES, FRAME_SIZE, 0);
             XskSocket socket = XskSocket.open(umem, lab.rootIndex(0), 0, XskConfig.defaults());
             BpfMap xsks = BpfMap.xskMap(1, "xgt_xsks");
             BpfProgram program = XdpSteering.lan(xsks, List.of(InetAddress.getByName(lab.rootIpv4(0)),
                     InetAddress.getByName(lab.rootIpv6(0))));
             XdpLink link = XdpLink.attach(program, lab.rootIndex(0))) {
            assertEquals(XdpAttachMode.NATIVE, link.mode(), "veth runs XDP in its driver");
            xsks.updateInt(0, socket.fd());
            lendFrames(socket, 0, RX_FRAMES);
            String peer = lab.peerMac(0);
            String root = lab.rootMac(0);
            List<byte[]> transit = List.of(
                    ethernet(root, peer, TestFrames.ETHERTYPE_IPV4, ipv4(lab.peerIpv4(0), "192.0.2.200",
                            TestFrames.PROTO_UDP, udp(40000, 53, "transit-v4".getBytes(StandardCharsets.US_ASCII)))),
                    ethernet(root, peer, TestFrames.ETHERTYPE_IPV6, ipv6(lab.peerIpv6(0), "2001:db8:ffff::200",
                            TestFrames.PROTO_UDP, udp(40000, 53, "transit-v6".getBytes(StandardCharsets.US_ASCII)))));
            lab.peer(sendCommand(lab, transit));

            assertEquals(hexSet(transit), hexSet(receive(socket, transit.size())));
            lab.peer("ping", lab.rootIpv4(0), "3");
            lab.peer("ping", lab.rootIpv6(0), "3");
            assertEquals(0, socket.rx().peek(1), "ARP, ND and pings to the gateway stayed with the kernel");
        }
    }

    @Test
    void transmitsAFrameWrittenIntoTheTxRing() throws Exception {
        try (VethLab lab = VethLab.create(1);
             Umem umem = Umem.allocate(FRAMES, FRAME_SIZE, 0);
             XskSocket socket = XskSocket.open(umem, lab.rootIndex(0), 0, XskConfig.defaults())) {
            byte[] marker = "xgate-tx-check".getBytes(StandardCharsets.US_ASCII);
            byte[] frame = ethernet(lab.peerMac(0), lab.rootMac(0), TestFrames.ETHERTYPE_LOCAL_EXPERIMENT,
                    Arrays.copyOf(marker, 46));
            long address = umem.frameAddress(RX_FRAMES);
            MemorySegment.copy(frame, 0, umem.area(), JAVA_BYTE, address, frame.length);

            assertArrayEquals(frame, transmitAndCapture(lab, 0, socket, address, frame.length, marker));
            assertEquals(address, completedAddress(socket));
        }
    }

    @Test
    void forwardsBetweenPortsThroughASharedUmemWithoutCopying() throws Exception {
        try (VethLab lab = VethLab.create(2);
             Umem umem = Umem.allocate(FRAMES, FRAME_SIZE, 0);
             XskSocket wan = XskSocket.open(umem, lab.rootIndex(0), 0, XskConfig.defaults());
             XskSocket lan = XskSocket.openShared(wan, lab.rootIndex(1), 0, XskConfig.defaults());
             BpfMap xsks = BpfMap.xskMap(1, "xgt_xsks");
             BpfProgram program = XdpSteering.wan(xsks);
             XdpLink link = XdpLink.attach(program, lab.rootIndex(0))) {
            assertTrue(lan.fill() != wan.fill(), "a different device needs its own FILL ring");
            assertEquals(XdpAttachMode.NATIVE, link.mode());
            xsks.updateInt(0, wan.fd());
            lendFrames(wan, 0, RX_FRAMES);
            byte[] frame = ethernet(lab.rootMac(0), lab.peerMac(0), TestFrames.ETHERTYPE_IPV4,
                    ipv4(lab.peerIpv4(0), lab.rootIpv4(0), TestFrames.PROTO_ESP, esp(0x2001, 7)));
            lab.peer(sendCommand(lab, List.of(frame)));

            assertTrue(awaitRx(wan), "ESP frame on the WAN socket");
            long address = wan.rx().address(0);
            int length = wan.rx().length(0);
            wan.rx().release(1);

            byte[] sent = transmitAndCapture(lab, 1, lan, address, length, Arrays.copyOfRange(frame, 34, 50));
            assertArrayEquals(frame, sent, "the LAN port sent the very bytes the WAN port received");
            assertEquals(address, completedAddress(lan), "the frame came back on the LAN socket's COMPLETION ring");
        }
    }

    /** Puts frames [first, first + count) on the FILL ring so the kernel can receive into them. */
    private static void lendFrames(XskSocket socket, int first, int count) {
        int granted = socket.fill().reserve(count);
        assertEquals(count, granted);
        for (int i = 0; i < count; i++) {
            socket.fill().setAddress(i, socket.umem().frameAddress(first + i));
        }
        socket.fill().submit(count);
    }

    private static List<byte[]> receive(XskSocket socket, int expected) {
        List<byte[]> frames = new ArrayList<>();
        while (frames.size() < expected && awaitRx(socket)) {
            int ready = socket.rx().peek(64);
            int refill = socket.fill().reserve(ready);
            for (int i = 0; i < ready; i++) {
                long address = socket.rx().address(i);
                frames.add(socket.umem().area().asSlice(address, socket.rx().length(i)).toArray(JAVA_BYTE));
                socket.fill().setAddress(i, address & -FRAME_SIZE);
            }
            socket.rx().release(ready);
            socket.fill().submit(refill);
        }
        return frames;
    }

    private static boolean awaitRx(XskSocket socket) {
        return socket.rx().peek(1) > 0 || socket.awaitRx(3000);
    }

    private static byte[] transmitAndCapture(VethLab lab, int pair, XskSocket socket, long address, int length,
                                             byte[] marker) throws IOException {
        Process capture = lab.startPeer("recv", lab.peerName(pair), "5", HEX.formatHex(marker));
        BufferedReader output = new BufferedReader(new InputStreamReader(capture.getInputStream(), StandardCharsets.US_ASCII));
        assertEquals("ready", output.readLine());
        assertEquals(1, socket.tx().reserve(1));
        socket.tx().setDescriptor(0, address, length);
        socket.tx().submit(1);
        socket.kickTx();
        String captured = output.readLine();
        assertTrue(captured != null, "frame seen on " + lab.peerName(pair));
        return HEX.parseHex(captured);
    }

    private static long completedAddress(XskSocket socket) throws InterruptedException {
        for (int attempt = 0; attempt < 100 && socket.completion().peek(1) == 0; attempt++) {
            Thread.sleep(10);
        }
        assertEquals(1, socket.completion().peek(1));
        long address = socket.completion().address(0);
        socket.completion().release(1);
        return address;
    }

    private static String[] sendCommand(VethLab lab, List<byte[]> frames) {
        List<String> command = new ArrayList<>(List.of("send", lab.peerName(0)));
        frames.forEach(f -> command.add(HEX.formatHex(f)));
        return command.toArray(String[]::new);
    }

    private static Set<String> hexSet(List<byte[]> frames) {
        Set<String> set = new TreeSet<>();
        frames.forEach(f -> set.add(HEX.formatHex(f)));
        return set;
    }

    private static DatagramSocket kernelSocket(String address, int port) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), port));
        socket.setSoTimeout(3000);
        return socket;
    }

    private static byte[] receive(DatagramSocket socket) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        socket.receive(packet);
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }
}
