"""Traffic tool run inside a test namespace (ip netns exec ... python3 peer.py CMD ...).

send IFACE HEX...           write raw Ethernet frames
recv IFACE TIMEOUT MARKER   print "ready", then the hex of the first frame containing hex MARKER; exit 1 on timeout
udp ADDR PORT HEX           send one UDP datagram through the kernel
ping ADDR TIMEOUT           one ICMP/ICMPv6 echo through the kernel; exit 0 when the reply comes
flood ADDR PORT COUNT SIZE  send COUNT UDP datagrams of SIZE bytes as fast as the kernel takes them; print how many went
sink PORT IDLE EXPECTED     print "ready", count UDP datagrams until EXPECTED arrived or none for IDLE seconds;
                            print "COUNT SECONDS" (SECONDS from the first to the last datagram)
"""
import os
import select
import socket
import struct
import sys
import time

SO_NO_CHECK = 11


def send(iface, frames):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((iface, 0))
    for frame in frames:
        s.send(bytes.fromhex(frame))


def recv(iface, timeout, marker):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0003))
    s.bind((iface, 0))
    print("ready", flush=True)
    wanted = bytes.fromhex(marker)
    deadline = time.time() + float(timeout)
    while time.time() < deadline:
        if not select.select([s], [], [], max(0.0, deadline - time.time()))[0]:
            break
        frame, meta = s.recvfrom(65536)
        if meta[2] != socket.PACKET_OUTGOING and wanted in frame:
            print(frame.hex(), flush=True)
            return 0
    return 1


def udp(addr, port, payload):
    family = socket.AF_INET6 if ":" in addr else socket.AF_INET
    socket.socket(family, socket.SOCK_DGRAM).sendto(bytes.fromhex(payload), (addr, int(port)))


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    total = (total >> 16) + (total & 0xFFFF)
    total += total >> 16
    return ~total & 0xFFFF


def ping(addr, timeout):
    v6 = ":" in addr
    if v6:
        s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
        kind, reply = 128, 129  # the kernel fills in the ICMPv6 checksum
    else:
        s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
        kind, reply = 8, 0
    ident = os.getpid() & 0xFFFF
    body = struct.pack("!BBHHH", kind, 0, 0, ident, 1) + b"xgate-ping"
    if not v6:
        body = body[:2] + struct.pack("!H", checksum(body)) + body[4:]
    s.sendto(body, (addr, 0))
    deadline = time.time() + float(timeout)
    while time.time() < deadline:
        if not select.select([s], [], [], max(0.0, deadline - time.time()))[0]:
            break
        data = s.recv(65536)
        icmp = data if v6 else data[(data[0] & 0x0F) * 4:]
        if icmp[0] == reply and struct.unpack("!H", icmp[4:6])[0] == ident:
            return 0
    return 1


def flood(addr, port, count, size):
    family = socket.AF_INET6 if ":" in addr else socket.AF_INET
    s = socket.socket(family, socket.SOCK_DGRAM)
    if family == socket.AF_INET:
        # veth offloads the UDP checksum (CHECKSUM_PARTIAL): a frame taken by XDP and sent again from an AF_XDP
        # socket would reach the receiver with a wrong one. IPv4 may send none (0) instead, SO_NO_CHECK.
        s.setsockopt(socket.SOL_SOCKET, SO_NO_CHECK, 1)
    payload = b"x" * int(size)
    sent = 0
    for _ in range(int(count)):
        try:
            s.sendto(payload, (addr, int(port)))
            sent += 1
        except OSError:  # ENOBUFS/EAGAIN when the device queue is full: that datagram is lost
            pass
    print(sent, flush=True)


def sink(port, idle, expected):
    s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
    s.bind(("::", int(port)))
    print("ready", flush=True)
    count, first, last = 0, 0.0, 0.0
    while count < int(expected):
        if not select.select([s], [], [], float(idle))[0]:
            break
        s.recv(65536)
        last = time.time()
        if count == 0:
            first = last
        count += 1
    print(count, "%.6f" % (last - first), flush=True)


def main(argv):
    command, args = argv[1], argv[2:]
    if command == "send":
        send(args[0], args[1:])
        return 0
    if command == "recv":
        return recv(*args)
    if command == "udp":
        udp(*args)
        return 0
    if command == "ping":
        return ping(*args)
    if command == "flood":
        flood(*args)
        return 0
    if command == "sink":
        sink(*args)
        return 0
    raise SystemExit("unknown command " + command)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
