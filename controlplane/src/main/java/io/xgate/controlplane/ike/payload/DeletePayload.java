package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.MalformedException;
import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.controlplane.ike.wire.WireReader;
import io.xgate.controlplane.ike.wire.WireWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * Delete (RFC 7296 §3.11): SAs of one protocol by SPI; for the IKE SA itself the SPI size and count are 0.
 * {@code spiSize} is explicit because an empty list does not say it.
 */
public record DeletePayload(SecurityProtocol protocol, int spiSize, List<Bytes> spis) implements IkePayload {

    public DeletePayload {
        spis = List.copyOf(spis);
        for (final Bytes spi : spis) {
            if (spi.length() != spiSize) {
                throw new IllegalArgumentException("SPI of " + spi.length() + " bytes in a delete of size " + spiSize);
            }
        }
    }

    public static DeletePayload decode(final WireReader body) throws MalformedException {
        final SecurityProtocol protocol = new SecurityProtocol(body.u8("D protocol"));
        final int spiSize = body.u8("D SPI size");
        final int count = body.u16("D SPI count");
        // Check the count against the bytes present before building anything: a count of 65535 costs nothing.
        if ((long) count * spiSize != body.remaining()) {
            throw new MalformedException("D: " + count + " SPIs of " + spiSize + " bytes in " + body.remaining());
        }
        final List<Bytes> spis = new ArrayList<>(spiSize == 0 ? 0 : count);
        if (spiSize == 0 && count != 0) {
            throw new MalformedException("D: " + count + " SPIs of size 0");
        }
        for (int i = 0; i < count; i++) {
            spis.add(body.bytes(spiSize, "D SPI"));
        }
        return new DeletePayload(protocol, spiSize, spis);
    }

    @Override
    public PayloadType type() {
        return PayloadType.DELETE;
    }

    @Override
    public void encodeBody(final WireWriter out) {
        out.u8(protocol.value()).u8(spiSize).u16(spis.size());
        spis.forEach(out::bytes);
    }
}
