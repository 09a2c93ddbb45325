package io.xgate.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The key exchange table of a canned JMH result: JDK and libcrypto per group, ESP rows ignored. */
class KeyExchangeTableTest {
    private static String run(final String benchmark, final String params, final double median) {
        return "{\"benchmark\":\"io.xgate.bench.jmh." + benchmark + "\",\"params\":{" + params + "},"
            + "\"primaryMetric\":{\"score\":1,\"scorePercentiles\":{\"50.0\":" + median + "}}}";
    }

    private static String table(final String... runs) throws IOException {
        return KeyExchangeTable.format(new ByteArrayInputStream(("[" + String.join(",", runs) + "]")
            .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void putsTheLibrariesOfAGroupSideBySide() throws IOException {
        assertEquals("""
            | IKE group: keygen + agreement | JDK | libcrypto | libcrypto vs JDK |
            |---|---:|---:|---:|
            | ECP_256 | 1000/s (1000 µs) | 20000/s (50 µs) | 20.0x |
            | CURVE25519 | 4000/s (250 µs) | - |  |
            """, table(
            run("SealBenchmark.seal", "\"suite\":\"GCM128_IPSECMB\",\"size\":\"64\"", 1e7),
            run("KeyExchangeBenchmark.keyExchange", "\"group\":\"ECP_256\",\"library\":\"jdk\"", 1000),
            run("KeyExchangeBenchmark.keyExchange", "\"group\":\"ECP_256\",\"library\":\"libcrypto\"", 20000),
            run("KeyExchangeBenchmark.keyExchange", "\"group\":\"CURVE25519\",\"library\":\"jdk\"", 4000)));
    }

    @Test
    void isEmptyWithoutKeyExchangeResults() throws IOException {
        assertEquals("", table(run("SealBenchmark.seal", "\"suite\":\"GCM128_IPSECMB\",\"size\":\"64\"", 1e7)));
    }
}
