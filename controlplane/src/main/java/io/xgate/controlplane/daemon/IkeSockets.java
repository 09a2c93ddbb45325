package io.xgate.controlplane.daemon;

import io.xgate.controlplane.ike.session.IkePorts;
import io.xgate.controlplane.ike.session.IkeTransport;
import io.xgate.dataplane.packet.IpAddress;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kernel UDP sockets for IKE on ports 500 and 4500 of each local gateway address (the WAN XDP program passes IKE
 * to the kernel; ESP in UDP goes to the data plane). On 4500 IKE carries the four-byte non-ESP marker (RFC 3948
 * §2.2), added here on send and removed on receipt; NAT keepalives (one 0xFF byte) are dropped. Non-blocking,
 * polled from the control thread. The addresses follow the committed gateways ({@link #listen}). Public for
 * {@code xgate bench ike-setup}, whose initiator speaks IKE through the same sockets.
 */
public final class IkeSockets implements IkeTransport, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(IkeSockets.class.getName());
    private static final int NON_ESP_MARKER = 4;
    private static final int MAX_DATAGRAM = 65_535;
    private static final int PER_POLL = 64;

    private final Selector selector;
    private final Map<InetSocketAddress, DatagramChannel> channels = new HashMap<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);

    /** Where a received IKE message goes: {@code IkeEngine.onDatagram}, or several engines'. */
    @FunctionalInterface
    public interface Receiver {
        void onDatagram(InetSocketAddress from, InetSocketAddress to, byte[] datagram);
    }

    public IkeSockets() throws IOException {
        selector = Selector.open();
    }

    /**
     * Listens on exactly {@code addresses}: opens what is missing, closes the sockets of addresses no gateway uses
     * any more. On failure the sockets are as they were.
     */
    public void listen(final Set<IpAddress> addresses) throws IOException {
        final Set<InetSocketAddress> wanted = new HashSet<>();
        for (final IpAddress address : addresses) {
            for (final int port : new int[] {IkePorts.IKE, IkePorts.NAT_T}) {
                wanted.add(new InetSocketAddress(address.toInetAddress(), port));
            }
        }
        final List<InetSocketAddress> opened = new ArrayList<>();
        try {
            for (final InetSocketAddress local : wanted) {
                if (!channels.containsKey(local)) {
                    open(local);
                    opened.add(local);
                }
            }
        } catch (final IOException e) {
            for (final InetSocketAddress local : opened) {
                closeChannel(local);
            }
            throw e;
        }
        for (final InetSocketAddress local : List.copyOf(channels.keySet())) {
            if (!wanted.contains(local)) {
                closeChannel(local);
            }
        }
    }

    private void closeChannel(final InetSocketAddress local) throws IOException {
        final DatagramChannel channel = channels.remove(local);
        if (channel != null) {
            channel.close();
            LOG.log(Level.INFO, "IKE no longer listening on {0}", local);
        }
    }

    private void open(final InetSocketAddress local) throws IOException {
        final DatagramChannel channel = DatagramChannel.open(local.getAddress() instanceof java.net.Inet4Address
            ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(local);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, local);
        } catch (final IOException e) {
            channel.close();
            throw e;
        }
        channels.put(local, channel);
        LOG.log(Level.INFO, "IKE listening on {0}", local);
    }

    /** Hands every waiting datagram to {@code engine}; returns how many. */
    public int poll(final Receiver engine) throws IOException {
        if (selector.selectNow() == 0) {
            return 0;
        }
        int received = 0;
        for (final SelectionKey key : selector.selectedKeys()) {
            final DatagramChannel channel = (DatagramChannel) key.channel();
            final InetSocketAddress local = (InetSocketAddress) key.attachment();
            for (int i = 0; i < PER_POLL; i++) {
                buffer.clear();
                final InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
                if (from == null) {
                    break;
                }
                buffer.flip();
                final byte[] datagram = ike(local, buffer);
                if (datagram != null) {
                    engine.onDatagram(from, local, datagram);
                    received++;
                }
            }
        }
        selector.selectedKeys().clear();
        return received;
    }

    /** The IKE message in a datagram, or null for a keepalive or anything without the marker on 4500. */
    private static byte[] ike(final InetSocketAddress local, final ByteBuffer datagram) {
        if (local.getPort() != IkePorts.NAT_T) {
            final byte[] bytes = new byte[datagram.remaining()];
            datagram.get(bytes);
            return bytes;
        }
        if (datagram.remaining() <= NON_ESP_MARKER || datagram.getInt(0) != 0) {
            return null;
        }
        final byte[] bytes = new byte[datagram.remaining() - NON_ESP_MARKER];
        datagram.position(NON_ESP_MARKER).get(bytes);
        return bytes;
    }

    @Override
    public void send(final InetSocketAddress from, final InetSocketAddress to, final byte[] datagram) {
        final byte[] out = from.getPort() == IkePorts.NAT_T ? marked(datagram) : datagram;
        transmit(from, to, out);
    }

    @Override
    public void sendKeepalive(final InetSocketAddress from, final InetSocketAddress to) {
        transmit(from, to, new byte[] {(byte) 0xFF});
    }

    private static byte[] marked(final byte[] datagram) {
        final byte[] out = new byte[NON_ESP_MARKER + datagram.length];
        System.arraycopy(datagram, 0, out, NON_ESP_MARKER, datagram.length);
        return out;
    }

    private void transmit(final InetSocketAddress from, final InetSocketAddress to, final byte[] datagram) {
        final DatagramChannel channel = channels.get(from);
        if (channel == null) {
            LOG.log(Level.WARNING, "no IKE socket on {0} to send to {1}", from, to);
            return;
        }
        try {
            channel.send(ByteBuffer.wrap(datagram), to);
        } catch (final IOException e) {
            // A full socket buffer or an unreachable peer: IKE retransmits, so one lost datagram is not fatal.
            LOG.log(Level.DEBUG, "IKE send from {0} to {1} failed: {2}", from, to, e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        for (final DatagramChannel channel : channels.values()) {
            channel.close();
        }
        selector.close();
    }
}
