package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.controlplane.ike.wire.MalformedException;
import io.xgate.controlplane.ike.wire.WireReader;
import io.xgate.controlplane.ike.wire.WireWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * A proposal substructure (RFC 7296 §3.3.1): number, protocol, SPI (empty in IKE_SA_INIT, 8 bytes when
 * rekeying the IKE SA, 4 for ESP/AH) and transforms. Transforms of one type are alternatives; transforms of
 * different types are all required.
 */
public record Proposal(int number, SecurityProtocol protocol, Bytes spi, List<Transform> transforms) {
    private static final int LAST = 0;
    private static final int MORE = 2;
    private static final int HEADER = 8;

    public Proposal {
        transforms = List.copyOf(transforms);
        if (number < 1 || number > 255 || transforms.size() > 255 || spi.length() > 255) {
            throw new IllegalArgumentException("proposal " + number + " with " + transforms.size() + " transforms");
        }
    }

    public List<Transform> transformsOfType(final int type) {
        return transforms.stream().filter(t -> t.transformType() == type).toList();
    }

    public Proposal withSpi(final Bytes newSpi) {
        return new Proposal(number, protocol, newSpi, transforms);
    }

    static boolean decodeInto(final WireReader in, final List<Proposal> out) throws MalformedException {
        final int last = in.u8("proposal last");
        in.skip(1, "proposal reserved");
        final int length = in.u16("proposal length");
        if (length < HEADER || (last != LAST && last != MORE)) {
            throw new MalformedException("proposal length " + length + ", last " + last);
        }
        final WireReader body = in.window(length - 4, "proposal");
        final int number = body.u8("proposal number");
        final SecurityProtocol protocol = new SecurityProtocol(body.u8("proposal protocol"));
        final int spiSize = body.u8("proposal SPI size");
        final int count = body.u8("proposal transform count");
        final Bytes spi = body.bytes(spiSize, "proposal SPI");
        final List<Transform> transforms = new ArrayList<>(count);
        boolean more = count > 0;
        while (more) {
            more = Transform.decodeInto(body, transforms);
        }
        body.requireEnd("proposal");
        if (transforms.size() != count || number == 0) {
            throw new MalformedException("proposal " + number + " says " + count + " transforms, holds "
                + transforms.size());
        }
        out.add(new Proposal(number, protocol, spi, transforms));
        return last == MORE;
    }

    void encode(final WireWriter out, final boolean last) {
        final int start = out.size();
        out.u8(last ? LAST : MORE).u8(0).u16(0).u8(number).u8(protocol.value()).u8(spi.length())
            .u8(transforms.size()).bytes(spi);
        for (int i = 0; i < transforms.size(); i++) {
            transforms.get(i).encode(out, i == transforms.size() - 1);
        }
        out.patchU16(start + 2, out.size() - start);
    }
}
