package io.xgate.linux.bpf;

import static io.xgate.linux.bpf.BpfAssembler.R0;
import static io.xgate.linux.bpf.BpfAssembler.R1;
import static io.xgate.linux.bpf.BpfAssembler.R2;
import static io.xgate.linux.bpf.BpfAssembler.R3;
import static io.xgate.linux.bpf.BpfAssembler.R4;
import static io.xgate.linux.bpf.BpfAssembler.R5;
import static io.xgate.linux.bpf.BpfAssembler.R6;
import static io.xgate.linux.bpf.BpfAssembler.R7;
import static io.xgate.linux.bpf.BpfAssembler.R8;
import static io.xgate.linux.bpf.BpfAssembler.R9;

import io.xgate.linux.bpf.BpfAssembler.Label;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The XDP programs that decide, per frame, whether the data plane (the AF_XDP socket in the XSKMAP slot
 * of the receive queue) or the kernel gets it. Anything the program does not recognise goes to the
 * kernel: VLAN-tagged frames, IPv4 with options, IPv6 extension headers other than a fragment header,
 * fragmented UDP. If the queue has no socket, bpf_redirect_map falls back to XDP_PASS.
 *
 * <p>Registers: r6 = ctx, r7 = data, r8 = data_end, r9 = UDP header; r2-r5 scratch. Packet fields are
 * loaded in network order on a little-endian host, so constants are compared byte-swapped.
 */
public final class XdpSteering {
    public static final String LICENSE = "Dual BSD/GPL";
    static final int XDP_PASS = 2;
    static final int HELPER_REDIRECT_MAP = 51;
    static final int IPPROTO_UDP = 17;
    static final int IPPROTO_ESP = 50;
    static final int IPPROTO_AH = 51;
    static final int IPV6_FRAGMENT = 44;
    static final int NAT_T_PORT = 4500;

    private static final int XDP_MD_DATA = 0;
    private static final int XDP_MD_DATA_END = 4;
    private static final int XDP_MD_RX_QUEUE_INDEX = 16;
    private static final int ETH_HLEN = 14;
    private static final int ETH_TYPE = 12;
    private static final int IPV4_END = ETH_HLEN + 20;
    private static final int IPV6_END = ETH_HLEN + 40;
    /** UDP header plus the 4 bytes that tell ESP (an SPI) from IKE (the zero non-ESP marker). */
    private static final int UDP_AND_MARKER = 12;
    /** An ESP payload has at least SPI and sequence number; shorter UDP (e.g. the 1-byte keepalive) is not ESP. */
    private static final int MIN_ESP_IN_UDP_LENGTH = 8 + 8;

    private XdpSteering() {
    }

    /**
     * WAN port: ESP (IPv4 or IPv6, including fragments), AH (unfragmented) and ESP-in-UDP on 4500 (SPI != 0, not a keepalive)
     * go to the socket; IKE on 500 and 4500, ARP, ND, ICMP and everything else go to the kernel.
     */
    public static BpfProgram wan(BpfMap xskMap) {
        return BpfProgram.loadXdp(wanInstructions(xskMap.fd()), LICENSE, "xgate_wan");
    }

    /**
     * LAN port: IPv4/IPv6 unicast to any address that is not one of the gateway's own goes to the socket;
     * traffic for the gateway, multicast/broadcast, IPv6 link-local, ARP and everything else goes to the
     * kernel. The addresses are compiled in as immediates: reload the program when they change.
     */
    public static BpfProgram lan(BpfMap xskMap, List<InetAddress> ownAddresses) {
        return BpfProgram.loadXdp(lanInstructions(xskMap.fd(), ownAddresses), LICENSE, "xgate_lan");
    }

    static long[] wanInstructions(int mapFd) {
        BpfAssembler asm = new BpfAssembler();
        Label ipv4 = asm.newLabel();
        Label ipv6 = asm.newLabel();
        Label ipv6Fragment = asm.newLabel();
        Label udp = asm.newLabel();
        Label toSocket = asm.newLabel();
        Label toKernel = asm.newLabel();
        ethernet(asm, ipv4, ipv6, toKernel);

        asm.bind(ipv4);
        requireBytes(asm, R7, IPV4_END, toKernel);
        asm.load(BpfSize.B, R3, R7, ETH_HLEN)                       // version 4, IHL 5: no options
                .jump(JumpOp.JNE, R3, 0x45, toKernel)
                .load(BpfSize.B, R3, R7, ETH_HLEN + 9)              // protocol
                .jump(JumpOp.JEQ, R3, IPPROTO_ESP, toSocket)
                .jump(JumpOp.JEQ, R3, IPPROTO_AH, toSocket)
                .jump(JumpOp.JNE, R3, IPPROTO_UDP, toKernel)
                .load(BpfSize.H, R3, R7, ETH_HLEN + 6)              // MF flag and fragment offset
                .alu64(AluOp.AND, R3, swap16(0x3fff))
                .jump(JumpOp.JNE, R3, 0, toKernel)
                .mov64Reg(R9, R7)
                .alu64(AluOp.ADD, R9, IPV4_END)
                .goTo(udp);

        asm.bind(ipv6);
        requireBytes(asm, R7, IPV6_END, toKernel);
        asm.load(BpfSize.B, R3, R7, ETH_HLEN + 6)                   // next header
                .jump(JumpOp.JEQ, R3, IPPROTO_ESP, toSocket)
                .jump(JumpOp.JEQ, R3, IPPROTO_AH, toSocket)
                .jump(JumpOp.JEQ, R3, IPV6_FRAGMENT, ipv6Fragment)
                .jump(JumpOp.JNE, R3, IPPROTO_UDP, toKernel)
                .mov64Reg(R9, R7)
                .alu64(AluOp.ADD, R9, IPV6_END)
                .goTo(udp);

        asm.bind(ipv6Fragment);
        requireBytes(asm, R7, IPV6_END + 8, toKernel);
        asm.load(BpfSize.B, R3, R7, IPV6_END)                       // fragment header's next header
                .jump(JumpOp.JEQ, R3, IPPROTO_ESP, toSocket)
                .goTo(toKernel);

        asm.bind(udp);
        requireBytes(asm, R9, UDP_AND_MARKER, toKernel);
        asm.load(BpfSize.H, R3, R9, 2)                              // destination port
                .jump(JumpOp.JNE, R3, swap16(NAT_T_PORT), toKernel)
                .load(BpfSize.H, R3, R9, 4)                         // UDP length
                .toBigEndian(R3, 16)
                .jump(JumpOp.JLT, R3, MIN_ESP_IN_UDP_LENGTH, toKernel)
                .load(BpfSize.W, R3, R9, 8)                         // SPI, or 0 for IKE's non-ESP marker
                .jump(JumpOp.JEQ, R3, 0, toKernel);

        redirectAndPass(asm, mapFd, toSocket, toKernel);
        return asm.assemble();
    }

    static long[] lanInstructions(int mapFd, List<InetAddress> ownAddresses) {
        BpfAssembler asm = new BpfAssembler();
        Label ipv4 = asm.newLabel();
        Label ipv6 = asm.newLabel();
        Label toSocket = asm.newLabel();
        Label toKernel = asm.newLabel();
        ethernet(asm, ipv4, ipv6, toKernel);

        asm.bind(ipv4);
        requireBytes(asm, R7, IPV4_END, toKernel);
        asm.load(BpfSize.W, R3, R7, IPV4_END - 4);                  // destination address
        for (InetAddress address : ownAddresses) {
            if (address instanceof Inet4Address) {
                asm.jump32(JumpOp.JEQ, R3, ByteBuffer.wrap(address.getAddress()).order(ByteOrder.LITTLE_ENDIAN).getInt(), toKernel);
            }
        }
        asm.jump32(JumpOp.JEQ, R3, 0xffffffff, toKernel)           // limited broadcast
                .mov64Reg(R4, R3)
                .alu64(AluOp.AND, R4, 0xf0)                         // first octet: 224.0.0.0/4 multicast
                .jump(JumpOp.JEQ, R4, 0xe0, toKernel)
                .goTo(toSocket);

        asm.bind(ipv6);
        requireBytes(asm, R7, IPV6_END, toKernel);
        int destination = ETH_HLEN + 24;
        asm.load(BpfSize.B, R3, R7, destination)                    // ff00::/8 multicast (ND, MLD)
                .jump(JumpOp.JEQ, R3, 0xff, toKernel)
                .load(BpfSize.H, R3, R7, destination)               // fe80::/10 link-local
                .alu64(AluOp.AND, R3, swap16(0xffc0))
                .jump(JumpOp.JEQ, R3, swap16(0xfe80), toKernel)
                .load(BpfSize.DW, R3, R7, destination)
                .load(BpfSize.DW, R4, R7, destination + 8);
        for (InetAddress address : ownAddresses) {
            if (address instanceof Inet6Address) {
                ByteBuffer bytes = ByteBuffer.wrap(address.getAddress()).order(ByteOrder.LITTLE_ENDIAN);
                Label otherAddress = asm.newLabel();
                asm.loadImm64(R5, bytes.getLong(0))
                        .jumpReg(JumpOp.JNE, R3, R5, otherAddress)
                        .loadImm64(R5, bytes.getLong(8))
                        .jumpReg(JumpOp.JEQ, R4, R5, toKernel)
                        .bind(otherAddress);
            }
        }
        redirectAndPass(asm, mapFd, toSocket, toKernel);
        return asm.assemble();
    }

    /** Loads data/data_end and dispatches on the EtherType; 802.1Q and anything else go to the kernel. */
    private static void ethernet(BpfAssembler asm, Label ipv4, Label ipv6, Label toKernel) {
        asm.mov64Reg(R6, R1)
                .load(BpfSize.W, R7, R6, XDP_MD_DATA)
                .load(BpfSize.W, R8, R6, XDP_MD_DATA_END);
        requireBytes(asm, R7, ETH_HLEN, toKernel);
        asm.load(BpfSize.H, R3, R7, ETH_TYPE)
                .jump(JumpOp.JEQ, R3, swap16(0x0800), ipv4)
                .jump(JumpOp.JEQ, R3, swap16(0x86dd), ipv6)
                .goTo(toKernel);
    }

    /** The verifier's bounds check: jump to {@code otherwise} unless {@code base + length <= data_end}. */
    private static void requireBytes(BpfAssembler asm, int base, int length, Label otherwise) {
        asm.mov64Reg(R2, base)
                .alu64(AluOp.ADD, R2, length)
                .jumpReg(JumpOp.JGT, R2, R8, otherwise);
    }

    /** Falls through into the redirect: bpf_redirect_map(xskmap, rx_queue_index, XDP_PASS). */
    private static void redirectAndPass(BpfAssembler asm, int mapFd, Label toSocket, Label toKernel) {
        asm.bind(toSocket)
                .load(BpfSize.W, R2, R6, XDP_MD_RX_QUEUE_INDEX)
                .loadMapFd(R1, mapFd)
                .mov64(R3, XDP_PASS)
                .call(HELPER_REDIRECT_MAP)
                .exit()
                .bind(toKernel)
                .mov64(R0, XDP_PASS)
                .exit();
    }

    /** A 16-bit network-order constant as a little-endian load of it reads. */
    private static int swap16(int value) {
        return Short.toUnsignedInt(Short.reverseBytes((short) value));
    }
}
