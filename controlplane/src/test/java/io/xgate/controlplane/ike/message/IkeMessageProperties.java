package io.xgate.controlplane.ike.message;

import io.xgate.controlplane.ike.crypto.SkKeys;
import io.xgate.controlplane.ike.payload.IkePayload;
import io.xgate.controlplane.ike.payload.KePayload;
import io.xgate.controlplane.ike.payload.NoncePayload;
import io.xgate.controlplane.ike.payload.NotifyPayload;
import io.xgate.controlplane.ike.payload.NotifyType;
import io.xgate.controlplane.ike.payload.VendorIdPayload;
import io.xgate.controlplane.ike.wire.Bytes;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.security.SecureRandom;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Round trips of generated messages, and mutation fuzzing: decode never throws, whatever the bytes. */
class IkeMessageProperties {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<IkePayload> SAMPLES = IkeMessages.everyPayload();

    @Provide
    Arbitrary<List<IkePayload>> payloads() {
        final Arbitrary<byte[]> blob = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        final Arbitrary<IkePayload> generated = Arbitraries.oneOf(
            Arbitraries.of(SAMPLES),
            blob.map(b -> new VendorIdPayload(Bytes.of(b))),
            blob.map(b -> new KePayload(b.length, Bytes.of(b))),
            Arbitraries.bytes().array(byte[].class).ofMinSize(16).ofMaxSize(256).map(b -> new NoncePayload(Bytes.of(b))),
            Arbitraries.integers().between(0, 65535).map(t -> NotifyPayload.of(new NotifyType(t), Bytes.EMPTY)));
        return generated.list().ofMaxSize(12);
    }

    @Property(tries = 300)
    void plainMessagesRoundTrip(@ForAll("payloads") final List<IkePayload> payloads) {
        final IkeMessage message = IkeMessage.plain(IkeMessages.INIT_REQUEST, payloads);

        assertEquals(new IkeDecodeResult.Ok(message), IkeMessage.decode(message.encode()));
    }

    @Property(tries = 300)
    void encryptedMessagesRoundTrip(@ForAll("payloads") final List<IkePayload> payloads,
                                    @ForAll @IntRange(max = 6) final int suite) {
        final SkKeys keys = IkeMessages.keys(IkeMessages.SK_SUITES.get(suite));
        final IkeMessage message = IkeMessage.protectedBySk(IkeMessages.AUTH_REQUEST, payloads);

        assertEquals(new IkeDecodeResult.Ok(message), IkeMessage.decode(message.encode(keys, RANDOM), keys));
    }

    @Property(tries = 3000)
    void mutatedDatagramsNeverThrow(@ForAll("payloads") final List<IkePayload> payloads,
                                    @ForAll @IntRange(max = 10_000) final int position,
                                    @ForAll final byte value, @ForAll @IntRange(max = 3) final int mutation) {
        final byte[] wire = IkeMessage.plain(IkeMessages.INIT_REQUEST, payloads).encode();
        final byte[] mutated = mutate(wire, position % wire.length, value, mutation);

        final IkeDecodeResult result = IkeMessage.decode(mutated);

        assertNotNull(result);
        if (result instanceof IkeDecodeResult.Ok ok) {
            // Whatever decoded re-encodes to something that decodes to the same message.
            assertEquals(ok, IkeMessage.decode(ok.message().encode()));
        }
    }

    @Property(tries = 1000)
    void mutatedEncryptedDatagramsNeverThrow(@ForAll("payloads") final List<IkePayload> payloads,
                                             @ForAll @IntRange(max = 10_000) final int position,
                                             @ForAll final byte value, @ForAll @IntRange(max = 3) final int mutation,
                                             @ForAll @IntRange(max = 6) final int suite) {
        final SkKeys keys = IkeMessages.keys(IkeMessages.SK_SUITES.get(suite));
        final byte[] wire = IkeMessage.protectedBySk(IkeMessages.AUTH_REQUEST, payloads).encode(keys, RANDOM);

        assertNotNull(IkeMessage.decode(mutate(wire, position % wire.length, value, mutation), keys));
    }

    /** 0: overwrite a byte, 1: truncate there, 2: insert a byte, 3: set a 32-bit length-like word to huge. */
    private static byte[] mutate(final byte[] wire, final int at, final byte value, final int mutation) {
        return switch (mutation) {
            case 0 -> {
                final byte[] out = wire.clone();
                out[at] = value;
                yield out;
            }
            case 1 -> java.util.Arrays.copyOf(wire, at);
            case 2 -> {
                final byte[] out = new byte[wire.length + 1];
                System.arraycopy(wire, 0, out, 0, at);
                out[at] = value;
                System.arraycopy(wire, at, out, at + 1, wire.length - at);
                yield out;
            }
            default -> {
                final byte[] out = wire.clone();
                for (int i = at; i < Math.min(out.length, at + 2); i++) {
                    out[i] = (byte) 0xFF;
                }
                yield out;
            }
        };
    }
}
