package io.xgate.linux.netlink;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.xgate.linux.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rtnetlink questions the control plane asks: a device's index, MAC and MTU, the neighbour tables
 * (IPv4 ARP and IPv6 ND), and "please resolve this neighbour", which leaves ARP/ND to the kernel.
 */
public final class RouteNetlink implements AutoCloseable {
    private static final int RTM_NEWLINK = 16;
    private static final int RTM_GETLINK = 18;
    private static final int RTM_NEWNEIGH = 28;
    private static final int RTM_GETNEIGH = 30;
    // struct ifinfomsg { u8 family; u8 pad; u16 type; s32 index; u32 flags; u32 change; }
    private static final int IFINFOMSG_SIZE = 16;
    private static final int IFLA_ADDRESS = 1;
    private static final int IFLA_IFNAME = 3;
    private static final int IFLA_MTU = 4;
    // struct ndmsg { u8 family; u8 pad1; u16 pad2; s32 ifindex; u16 state; u8 flags; u8 type; }
    private static final int NDMSG_SIZE = 12;
    private static final int NDA_DST = 1;
    private static final int NDA_LLADDR = 2;
    private static final int NTF_USE = 0x01;

    private final NetlinkSocket socket = new NetlinkSocket();

    public LinkInfo link(String name) {
        try (Arena arena = Arena.ofConfined()) {
            NetlinkMessageBuilder request = linkRequest(arena, 0);
            request.attribute(IFLA_IFNAME, (name + "\0").getBytes(StandardCharsets.US_ASCII));
            return exchangeForLink("RTM_GETLINK " + name, request);
        }
    }

    public LinkInfo link(int ifindex) {
        try (Arena arena = Arena.ofConfined()) {
            NetlinkMessageBuilder request = linkRequest(arena, ifindex);
            return exchangeForLink("RTM_GETLINK ifindex " + ifindex, request);
        }
    }

    /** Every IPv4 and IPv6 neighbour entry on every device. */
    public List<Neighbour> neighbours() {
        List<Neighbour> entries = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            NetlinkMessageBuilder request = new NetlinkMessageBuilder(arena, RTM_GETNEIGH,
                    NetlinkSocket.NLM_F_REQUEST | NetlinkSocket.NLM_F_DUMP, socket.nextSequence());
            request.familyHeader(NDMSG_SIZE);  // AF_UNSPEC: all families; bridge FDB entries are skipped below
            socket.exchange("RTM_GETNEIGH", request.build(), (type, payload) -> {
                if (type == RTM_NEWNEIGH && payload.byteSize() >= NDMSG_SIZE) {
                    Neighbour neighbour = parseNeighbour(payload);
                    if (neighbour != null) {
                        entries.add(neighbour);
                    }
                }
            });
        }
        return entries;
    }

    /**
     * Asks the kernel to resolve {@code address} on {@code ifindex} now (RTM_NEWNEIGH with NTF_USE, as
     * {@code ip neigh replace ... use} does): it creates the entry if needed and starts ARP or ND, without
     * sending any traffic of ours. Poll {@link #neighbours()} for the answer.
     */
    public void solicit(int ifindex, InetAddress address) {
        try (Arena arena = Arena.ofConfined()) {
            NetlinkMessageBuilder request = new NetlinkMessageBuilder(arena, RTM_NEWNEIGH,
                    NetlinkSocket.NLM_F_REQUEST | NetlinkSocket.NLM_F_ACK | NetlinkSocket.NLM_F_CREATE
                            | NetlinkSocket.NLM_F_REPLACE, socket.nextSequence());
            MemorySegment ndmsg = request.familyHeader(NDMSG_SIZE);
            ndmsg.set(JAVA_BYTE, 0, (byte) family(address));
            ndmsg.set(JAVA_INT, 4, ifindex);
            ndmsg.set(JAVA_BYTE, 10, (byte) NTF_USE);
            request.attribute(NDA_DST, address.getAddress());
            socket.exchange("RTM_NEWNEIGH " + address.getHostAddress() + " use", request.build(), (type, payload) -> {
            });
        }
    }

    @Override
    public void close() {
        socket.close();
    }

    /** With ifindex 0 the kernel looks the device up by its IFLA_IFNAME attribute instead. */
    private NetlinkMessageBuilder linkRequest(Arena arena, int ifindex) {
        NetlinkMessageBuilder request = new NetlinkMessageBuilder(arena, RTM_GETLINK,
                NetlinkSocket.NLM_F_REQUEST | NetlinkSocket.NLM_F_ACK, socket.nextSequence());
        request.familyHeader(IFINFOMSG_SIZE).set(JAVA_INT, 4, ifindex);
        return request;
    }

    private LinkInfo exchangeForLink(String what, NetlinkMessageBuilder request) {
        LinkInfo[] found = new LinkInfo[1];
        socket.exchange(what, request.build(), (type, payload) -> {
            if (type == RTM_NEWLINK && payload.byteSize() >= IFINFOMSG_SIZE) {
                found[0] = parseLink(payload);
            }
        });
        if (found[0] == null) {
            throw new IllegalStateException(what + ": the kernel answered without a link");
        }
        return found[0];
    }

    private static LinkInfo parseLink(MemorySegment payload) {
        RtAttributes attributes = new RtAttributes(payload.asSlice(IFINFOMSG_SIZE));
        byte[] name = attributes.bytes(IFLA_IFNAME);
        byte[] mac = attributes.bytes(IFLA_ADDRESS);
        MemorySegment mtu = attributes.find(IFLA_MTU);
        return new LinkInfo(payload.get(JAVA_INT, 4),
                name == null ? "" : new String(name, StandardCharsets.US_ASCII).replace("\0", ""),
                mac != null && mac.length == MacAddress.LENGTH ? MacAddress.of(mac) : null,
                mtu != null && mtu.byteSize() >= 4 ? mtu.get(JAVA_INT, 0) : 0,
                payload.get(JAVA_INT, 8));
    }

    private static Neighbour parseNeighbour(MemorySegment payload) {
        int family = payload.get(JAVA_BYTE, 0);
        if (family != Libc.AF_INET && family != Libc.AF_INET6) {
            return null;
        }
        RtAttributes attributes = new RtAttributes(payload.asSlice(NDMSG_SIZE));
        byte[] destination = attributes.bytes(NDA_DST);
        byte[] mac = attributes.bytes(NDA_LLADDR);
        if (destination == null || destination.length != (family == Libc.AF_INET ? 4 : 16)) {
            return null;
        }
        try {
            return new Neighbour(payload.get(JAVA_INT, 4), InetAddress.getByAddress(destination),
                    mac != null && mac.length == MacAddress.LENGTH ? MacAddress.of(mac) : null,
                    Short.toUnsignedInt(payload.get(JAVA_SHORT, 8)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("unreachable: address length checked", e);
        }
    }

    private static int family(InetAddress address) {
        return address instanceof Inet4Address ? Libc.AF_INET : Libc.AF_INET6;
    }
}
