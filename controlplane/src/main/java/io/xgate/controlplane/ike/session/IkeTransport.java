package io.xgate.controlplane.ike.session;

import java.net.InetSocketAddress;

/**
 * Where the engine's datagrams go: kernel UDP sockets in the daemon, a fake wire in tests. {@code from} names our
 * socket (address and port 500 or 4500); on 4500 the transport adds the non-ESP marker (RFC 3948 §2.2).
 */
public interface IkeTransport {

    void send(InetSocketAddress from, InetSocketAddress to, byte[] datagram);

    /** A NAT-keepalive (RFC 3948 §2.3): one 0xFF byte from port 4500, no marker. */
    void sendKeepalive(InetSocketAddress from, InetSocketAddress to);
}
