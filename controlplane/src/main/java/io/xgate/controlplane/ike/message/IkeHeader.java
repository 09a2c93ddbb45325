package io.xgate.controlplane.ike.message;

import io.xgate.controlplane.ike.payload.PayloadType;
import io.xgate.controlplane.ike.payload.Role;
import io.xgate.controlplane.ike.wire.MalformedException;
import io.xgate.controlplane.ike.wire.WireReader;
import io.xgate.controlplane.ike.wire.WireWriter;

/**
 * The IKE header (RFC 7296 §3.1) without the two fields encoding derives from the payloads: Next Payload
 * and Length. Flags are the Initiator (sent by the original initiator), Version (can speak a higher major
 * version) and Response bits; the other flag bits are sent as zero and ignored on receipt.
 */
public record IkeHeader(long initiatorSpi, long responderSpi, int majorVersion, int minorVersion,
                        ExchangeType exchangeType, boolean initiator, boolean higherVersion, boolean response,
                        long messageId) {
    public static final int LENGTH = 28;
    public static final int IKEV2 = 2;
    private static final int FLAG_INITIATOR = 0x08;
    private static final int FLAG_VERSION = 0x10;
    private static final int FLAG_RESPONSE = 0x20;

    public IkeHeader {
        if (majorVersion < 0 || majorVersion > 15 || minorVersion < 0 || minorVersion > 15
            || messageId < 0 || messageId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("header version " + majorVersion + "." + minorVersion
                + " or message id " + messageId + " out of range");
        }
    }

    /** An IKEv2.0 header. */
    public static IkeHeader of(final long initiatorSpi, final long responderSpi, final ExchangeType exchangeType,
                               final boolean initiator, final boolean response, final long messageId) {
        return new IkeHeader(initiatorSpi, responderSpi, IKEV2, 0, exchangeType, initiator, false, response, messageId);
    }

    /** Who sent the message, which picks the SK keys (SK_ei/SK_ai for the original initiator). */
    public Role sender() {
        return initiator ? Role.INITIATOR : Role.RESPONDER;
    }

    /** The header as read, with the two derived fields the decoder checks. */
    record Raw(IkeHeader header, PayloadType firstPayload, long length) {
    }

    static Raw decode(final WireReader in) throws MalformedException {
        final long spiI = in.u64("SPIi");
        final long spiR = in.u64("SPIr");
        final PayloadType next = new PayloadType(in.u8("next payload"));
        final int version = in.u8("version");
        final ExchangeType exchange = new ExchangeType(in.u8("exchange type"));
        final int flags = in.u8("flags");
        final long messageId = in.u32("message id");
        final long length = in.u32("length");
        return new Raw(new IkeHeader(spiI, spiR, version >>> 4, version & 0x0F, exchange,
            (flags & FLAG_INITIATOR) != 0, (flags & FLAG_VERSION) != 0, (flags & FLAG_RESPONSE) != 0, messageId),
            next, length);
    }

    void encode(final PayloadType firstPayload, final int length, final WireWriter out) {
        final int flags = (initiator ? FLAG_INITIATOR : 0) | (higherVersion ? FLAG_VERSION : 0)
            | (response ? FLAG_RESPONSE : 0);
        out.u64(initiatorSpi).u64(responderSpi).u8(firstPayload.value()).u8((majorVersion << 4) | minorVersion)
            .u8(exchangeType.value()).u8(flags).u32(messageId).u32(length);
    }

    @Override
    public String toString() {
        return exchangeType + (response ? " response" : " request") + " #" + messageId + " "
            + Long.toHexString(initiatorSpi) + "/" + Long.toHexString(responderSpi) + (initiator ? " [I]" : "");
    }
}
