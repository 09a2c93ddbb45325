"""Traffic for the two-gateway namespace lab (ip netns exec NS /usr/bin/python3 lab_traffic.py CMD ...).

tcp-echo PORT            print "ready", echo one TCP connection's bytes back, exit
udp-echo PORT            print "ready", echo one UDP datagram back to its sender, exit
tcp ADDR PORT TEXT       connect, send TEXT, print what comes back
udp ADDR PORT TEXT       send TEXT (up to 5 tries, 1 s apart), print the first answer
send IFACE HEX...        write raw Ethernet frames with scapy (an attacker on the WAN)
seq-recv PORT SECONDS    print "ready", receive numbered datagrams for SECONDS, print the numbers received
seq-send ADDR PORT MS SECONDS   send a datagram numbered 0, 1, ... every MS milliseconds for SECONDS
echo-all PORT SECONDS    print "ready", echo every UDP datagram back to its sender for SECONDS
flows ADDR PORT FLOWS COUNT   COUNT datagrams from each of FLOWS sockets (source ports), 1 ms apart, then print
                         how many distinct ones came back
"""
import socket
import sys


def family(addr):
    return socket.AF_INET6 if ":" in addr else socket.AF_INET


def tcp_echo(port):
    server = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    server.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("::", int(port)))
    server.listen(1)
    print("ready", flush=True)
    conn, _ = server.accept()
    conn.sendall(conn.recv(65536))
    conn.close()


def udp_echo(port):
    server = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    server.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    server.bind(("::", int(port)))
    print("ready", flush=True)
    data, peer = server.recvfrom(65536)
    server.sendto(data, peer)


def tcp(addr, port, text):
    conn = socket.create_connection((addr, int(port)), timeout=10)
    conn.sendall(text.encode())
    print(conn.recv(65536).decode(), flush=True)


def udp(addr, port, text):
    s = socket.socket(family(addr), socket.SOCK_DGRAM)
    s.settimeout(1.0)
    for _ in range(5):
        s.sendto(text.encode(), (addr, int(port)))
        try:
            print(s.recv(65536).decode(), flush=True)
            return 0
        except socket.timeout:
            continue
    return 1


def send(iface, frames):
    from scapy.all import Ether, sendp
    for frame in frames:
        sendp(Ether(bytes.fromhex(frame)), iface=iface, verbose=False)


def seq_recv(port, seconds):
    import time
    server = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    server.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    server.bind(("::", int(port)))
    print("ready", flush=True)
    end = time.monotonic() + float(seconds)
    received = []
    while True:
        left = end - time.monotonic()
        if left <= 0:
            break
        server.settimeout(left)
        try:
            data = server.recv(2048)
        except socket.timeout:
            break
        received.append(data.split(b" ")[0].decode())
    print(" ".join(received), flush=True)


def seq_send(addr, port, millis, seconds):
    import time
    s = socket.socket(family(addr), socket.SOCK_DGRAM)
    interval = float(millis) / 1000.0
    count = int(float(seconds) / interval)
    start = time.monotonic()
    for i in range(count):
        # On a fixed schedule, so a number stands for a point in time however long a send took.
        delay = start + i * interval - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        try:
            s.sendto(b"%d xgate-failover" % i, (addr, int(port)))
        except OSError:
            pass  # no route for a moment: that packet is lost like one dropped on the way
    print(count, flush=True)


def echo_all(port, seconds):
    import time
    server = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    server.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    server.bind(("::", int(port)))
    print("ready", flush=True)
    end = time.monotonic() + float(seconds)
    while time.monotonic() < end:
        server.settimeout(max(end - time.monotonic(), 0.01))
        try:
            data, peer = server.recvfrom(2048)
        except socket.timeout:
            break
        server.sendto(data, peer)


def flows(addr, port, flow_count, count):
    import select
    import time
    sockets = [socket.socket(family(addr), socket.SOCK_DGRAM) for _ in range(int(flow_count))]
    for i in range(int(count)):
        for f, s in enumerate(sockets):
            s.sendto(b"%d-%d" % (f, i), (addr, int(port)))
            time.sleep(0.001)
    answers = set()
    deadline = time.monotonic() + 3
    while len(answers) < int(flow_count) * int(count) and time.monotonic() < deadline:
        ready, _, _ = select.select(sockets, [], [], 0.2)
        for s in ready:
            answers.add(s.recv(2048))
    print(len(answers), flush=True)


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "tcp-echo":
        tcp_echo(*args)
    elif cmd == "udp-echo":
        udp_echo(*args)
    elif cmd == "tcp":
        tcp(*args)
    elif cmd == "udp":
        sys.exit(udp(*args))
    elif cmd == "send":
        send(args[0], args[1:])
    elif cmd == "seq-recv":
        seq_recv(*args)
    elif cmd == "seq-send":
        seq_send(*args)
    elif cmd == "echo-all":
        echo_all(*args)
    elif cmd == "flows":
        flows(*args)
    else:
        sys.exit("unknown command " + cmd)
