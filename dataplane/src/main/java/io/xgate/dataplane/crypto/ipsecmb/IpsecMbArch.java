package io.xgate.dataplane.crypto.ipsecmb;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The code paths libIPSec_MB exports per architecture (symbol suffix), best first, with the CPU flags
 * each needs. Every one needs AES-NI and carry-less multiply; without them the JDK provider is used.
 */
public enum IpsecMbArch {
    VAES_AVX512("vaes_avx512", "aes", "vaes", "vpclmulqdq", "avx512f", "avx512bw", "avx512vl", "avx512dq"),
    AVX512("avx512", "aes", "pclmulqdq", "avx512f", "avx512bw", "avx512vl", "avx512dq"),
    AVX_GEN4("avx_gen4", "aes", "pclmulqdq", "avx2"),
    SSE("sse", "aes", "pclmulqdq", "sse4_1");

    private final String suffix;
    private final List<String> requiredFlags;

    IpsecMbArch(final String suffix, final String... requiredFlags) {
        this.suffix = suffix;
        this.requiredFlags = List.of(requiredFlags);
    }

    /** The symbol suffix, e.g. {@code aes_gcm_enc_128_<suffix>}. */
    public String suffix() {
        return suffix;
    }

    public boolean supportedBy(final Set<String> cpuFlags) {
        return cpuFlags.containsAll(requiredFlags);
    }

    public static Optional<IpsecMbArch> best(final Set<String> cpuFlags) {
        for (final IpsecMbArch arch : values()) {
            if (arch.supportedBy(cpuFlags)) {
                return Optional.of(arch);
            }
        }
        return Optional.empty();
    }

    public static IpsecMbArch fromSuffix(final String suffix) {
        for (final IpsecMbArch arch : values()) {
            if (arch.suffix.equals(suffix)) {
                return arch;
            }
        }
        throw new IllegalArgumentException("unknown intel-ipsec-mb architecture: " + suffix);
    }
}
