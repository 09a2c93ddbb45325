package io.xgate.bench.jmh;

import io.xgate.controlplane.ike.crypto.InvalidKeyExchangeException;
import io.xgate.controlplane.ike.crypto.KeyExchangeGroup;
import io.xgate.controlplane.ike.crypto.KeyExchangeLibrary;
import io.xgate.controlplane.ike.crypto.KeyMaterial;
import io.xgate.controlplane.ike.wire.Bytes;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * An IKE responder's Diffie-Hellman work per SA, one op: a fresh key of the group and the shared secret with
 * the initiator's public value, through {@link KeyExchangeGroup#generate} as the IKE code calls it. The
 * library is chosen the way {@code xgate run} chooses it, by {@code -Dxgate.ike.crypto}, set here before the
 * first key exchange of the fork (JMH runs every parameter combination in a JVM of its own).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KeyExchangeBenchmark {
    @Param({"ECP_256", "ECP_384", "ECP_521", "CURVE25519"})
    public KeyExchangeGroup group;

    @Param({KeyExchangeLibrary.JDK, KeyExchangeLibrary.LIBCRYPTO})
    public String library;

    private final SecureRandom random = new SecureRandom();
    private Bytes peer;

    @Setup(Level.Trial)
    public void choose() {
        System.setProperty(KeyExchangeLibrary.PROPERTY, library);
        if (KeyExchangeLibrary.active().libCrypto() != library.equals(KeyExchangeLibrary.LIBCRYPTO)) {
            throw new IllegalStateException("asked for " + library + ", the fork uses " + KeyExchangeLibrary.active());
        }
        peer = group.generate(random).publicValue();
    }

    @Benchmark
    public KeyMaterial keyExchange() throws InvalidKeyExchangeException {
        return group.generate(random).agree(peer);
    }
}
