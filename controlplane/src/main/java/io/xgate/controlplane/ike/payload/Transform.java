package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.MalformedException;
import io.xgate.controlplane.ike.wire.WireReader;
import io.xgate.controlplane.ike.wire.WireWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A transform substructure (RFC 7296 §3.3.2): type (ENCR, PRF, INTEG, KE, ESN), transform ID and
 * attributes. IDs stay numbers so an unknown one from a peer is simply not selected; the typed view is
 * in {@code ike.crypto} ({@code EncryptionTransform.of(...)} and friends).
 */
public record Transform(int transformType, int transformId, List<TransformAttribute> attributes) {
    public static final int ENCR = 1;
    public static final int PRF = 2;
    public static final int INTEG = 3;
    /** "Diffie-Hellman group" in RFC 7296, "Key Exchange Method" since RFC 9370. */
    public static final int KE = 4;
    public static final int ESN = 5;

    private static final int LAST = 0;
    private static final int MORE = 3;
    private static final int HEADER = 8;

    public Transform {
        attributes = List.copyOf(attributes);
    }

    public static Transform of(final int type, final int id) {
        return new Transform(type, id, List.of());
    }

    public static Transform withKeyLength(final int type, final int id, final int keyBits) {
        return new Transform(type, id, List.of(TransformAttribute.keyLength(keyBits)));
    }

    public OptionalInt keyLength() {
        return attributes.stream().filter(a -> a.attributeType() == TransformAttribute.KEY_LENGTH && a.shortForm())
            .mapToInt(TransformAttribute::shortValue).findFirst();
    }

    /** True when every attribute is one we understand (§3.3.6: otherwise reject the proposal). */
    public boolean hasOnlyKnownAttributes() {
        return attributes.stream().allMatch(a -> a.attributeType() == TransformAttribute.KEY_LENGTH && a.shortForm());
    }

    /** Reads one transform; returns whether another follows. */
    static boolean decodeInto(final WireReader in, final List<Transform> out) throws MalformedException {
        final int last = in.u8("transform last");
        in.skip(1, "transform reserved");
        final int length = in.u16("transform length");
        if (length < HEADER || (last != LAST && last != MORE)) {
            throw new MalformedException("transform length " + length + ", last " + last);
        }
        final WireReader body = in.window(length - 4, "transform");
        final int type = body.u8("transform type");
        body.skip(1, "transform reserved");
        final int id = body.u16("transform id");
        final List<TransformAttribute> attributes = new ArrayList<>();
        while (body.hasRemaining()) {
            attributes.add(TransformAttribute.decode(body));
        }
        out.add(new Transform(type, id, attributes));
        return last == MORE;
    }

    void encode(final WireWriter out, final boolean last) {
        final int start = out.size();
        out.u8(last ? LAST : MORE).u8(0).u16(0).u8(transformType).u8(0).u16(transformId);
        attributes.forEach(a -> a.encode(out));
        out.patchU16(start + 2, out.size() - start);
    }
}
