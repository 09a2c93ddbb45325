package io.xgate.controlplane.ike.trace;

import io.xgate.controlplane.ike.message.ExchangeType;
import io.xgate.controlplane.ike.message.IkeMessage;
import io.xgate.controlplane.ike.payload.IkePayload;
import io.xgate.controlplane.ike.payload.NotifyPayload;
import io.xgate.controlplane.ike.payload.PayloadType;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The trace of one gateway that is on: turns messages and decisions into {@link IkeTraceLine}s. A message line
 * names the exchange, the header's flags (I: sent by the original initiator, R: a response), message ID, SPIs,
 * the peer and our socket, the payload types (inside SK), the notify types, the datagram's size and, for our
 * requests, which transmission it was. Payload contents never appear.
 */
final class GatewayTrace implements IkeTrace {
    private static final int FLAG_INITIATOR = 0x08;
    private static final int FLAG_RESPONSE = 0x20;

    private final String gateway;
    private final Consumer<IkeTraceLine> sink;

    GatewayTrace(final String gateway, final Consumer<IkeTraceLine> sink) {
        this.gateway = gateway;
        this.sink = sink;
    }

    @Override
    public boolean on() {
        return true;
    }

    @Override
    public void sent(final byte[] datagram, final List<? extends IkePayload> payloads, final InetSocketAddress local,
                     final InetSocketAddress peer) {
        final Map<String, String> fields = header(datagram, local, peer);
        payloads(fields, payloads);
        fields.put("size", String.valueOf(datagram.length));
        if ((datagram[19] & FLAG_RESPONSE) == 0) {
            fields.put("transmission", "1");
        }
        sink.accept(new IkeTraceLine(gateway, "sent", fields));
    }

    @Override
    public void retransmitted(final byte[] datagram, final InetSocketAddress local, final InetSocketAddress peer,
                              final int transmission) {
        final Map<String, String> fields = header(datagram, local, peer);
        fields.put("size", String.valueOf(datagram.length));
        fields.put("transmission", String.valueOf(transmission));
        sink.accept(new IkeTraceLine(gateway, "retransmitted", fields));
    }

    @Override
    public void reanswered(final byte[] datagram, final InetSocketAddress local, final InetSocketAddress peer) {
        final Map<String, String> fields = header(datagram, local, peer);
        fields.put("size", String.valueOf(datagram.length));
        sink.accept(new IkeTraceLine(gateway, "reanswered", fields));
    }

    @Override
    public void received(final IkeMessage message, final int size, final InetSocketAddress local,
                         final InetSocketAddress peer) {
        final var header = message.header();
        final Map<String, String> fields = new LinkedHashMap<>();
        fields.put("exchange", header.exchangeType().toString());
        fields.put("flags", flags(header.initiator(), header.response()));
        fields.put("mid", String.valueOf(header.messageId()));
        fields.put("spi", spis(header.initiatorSpi(), header.responderSpi()));
        fields.put("peer", address(peer));
        fields.put("local", address(local));
        payloads(fields, message.payloads());
        fields.put("size", String.valueOf(size));
        sink.accept(new IkeTraceLine(gateway, "received", fields));
    }

    @Override
    public void decision(final String event, final String result, final Object detail) {
        final Map<String, String> fields = new LinkedHashMap<>();
        fields.put("result", result);
        fields.put("detail", String.valueOf(detail));
        sink.accept(new IkeTraceLine(gateway, event, fields));
    }

    /** The header fields of an encoded message (RFC 7296 §3.1 layout), read without decoding the rest. */
    private static Map<String, String> header(final byte[] datagram, final InetSocketAddress local,
                                              final InetSocketAddress peer) {
        final ByteBuffer header = ByteBuffer.wrap(datagram);
        final int flags = datagram[19] & 0xFF;
        final Map<String, String> fields = new LinkedHashMap<>();
        fields.put("exchange", new ExchangeType(datagram[18] & 0xFF).toString());
        fields.put("flags", flags((flags & FLAG_INITIATOR) != 0, (flags & FLAG_RESPONSE) != 0));
        fields.put("mid", String.valueOf(header.getInt(20) & 0xFFFF_FFFFL));
        fields.put("spi", spis(header.getLong(0), header.getLong(8)));
        fields.put("peer", address(peer));
        fields.put("local", address(local));
        return fields;
    }

    private static void payloads(final Map<String, String> fields, final List<? extends IkePayload> payloads) {
        fields.put("payloads", payloads.isEmpty() ? "none"
                : payloads.stream().map(p -> p.type().toString()).collect(Collectors.joining(",")));
        final String notifies = payloads.stream().filter(p -> p.type().equals(PayloadType.NOTIFY))
                .map(p -> ((NotifyPayload) p).notifyType().toString()).collect(Collectors.joining(","));
        if (!notifies.isEmpty()) {
            fields.put("notify", notifies);
        }
    }

    private static String flags(final boolean initiator, final boolean response) {
        final String flags = (initiator ? "I" : "") + (response ? "R" : "");
        return flags.isEmpty() ? "-" : flags;
    }

    private static String spis(final long initiator, final long responder) {
        return String.format("%016x/%016x", initiator, responder);
    }

    private static String address(final InetSocketAddress address) {
        final String host = address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
