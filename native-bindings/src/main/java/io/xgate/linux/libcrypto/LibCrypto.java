package io.xgate.linux.libcrypto;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;

/**
 * Whether OpenSSL 3's libcrypto can serve this process, decided once: the library loadable, major version 3
 * (the EVP_PKEY/OSSL_PARAM API used here is 3.0's) and every symbol {@link EvpKeyExchange} calls exported.
 * Probing never touches {@link EvpKeyExchange}, whose static handles exist only once this says yes.
 */
@SuppressWarnings("restricted") // native access of this package lives here and in EvpKeyExchange
public final class LibCrypto {
    /** Overrides the library (a path, or a name the dynamic linker searches for). */
    public static final String PATH_PROPERTY = "xgate.libcrypto.library";
    public static final String DEFAULT_PATH = "libcrypto.so.3";

    static final String[] SYMBOLS = {
        "EVP_PKEY_Q_keygen", "EVP_PKEY_free", "EVP_PKEY_get_octet_string_param", "EVP_PKEY_get_bn_param",
        "BN_bn2binpad", "BN_clear_free", "EVP_PKEY_CTX_new_from_name", "EVP_PKEY_CTX_new_from_pkey",
        "EVP_PKEY_CTX_free", "EVP_PKEY_fromdata_init", "EVP_PKEY_fromdata", "EVP_PKEY_derive_init",
        "EVP_PKEY_derive_set_peer_ex", "EVP_PKEY_derive", "ERR_get_error", "ERR_error_string_n", "ERR_clear_error",
    };

    private record Status(SymbolLookup lookup, String version, String reason) {
    }

    private static final Status STATUS = probe();

    private LibCrypto() {
    }

    public static boolean available() {
        return STATUS.lookup != null;
    }

    /** Why the library is or is not used, for the startup log and {@code xgate version}. */
    public static String reason() {
        return STATUS.reason;
    }

    /** The library's own version text, e.g. "OpenSSL 3.0.19 27 Jan 2026"; only meaningful when available. */
    public static String version() {
        return STATUS.version;
    }

    static SymbolLookup lookup() {
        if (STATUS.lookup == null) {
            throw new IllegalStateException("libcrypto unavailable: " + STATUS.reason);
        }
        return STATUS.lookup;
    }

    private static Status probe() {
        final String path = System.getProperty(PATH_PROPERTY, DEFAULT_PATH);
        final SymbolLookup lookup;
        try {
            lookup = SymbolLookup.libraryLookup(path, Arena.global());
        } catch (final IllegalArgumentException | IllegalCallerException e) {
            return new Status(null, null, "cannot load " + path + " (" + e.getMessage() + ")");
        }
        for (final String symbol : SYMBOLS) {
            if (lookup.find(symbol).isEmpty()) {
                return new Status(null, null, path + " does not export " + symbol);
            }
        }
        final Linker linker = Linker.nativeLinker();
        try {
            final int major = (int) linker.downcallHandle(lookup.findOrThrow("OPENSSL_version_major"),
                FunctionDescriptor.of(JAVA_INT)).invokeExact();
            final MemorySegment text = (MemorySegment) linker.downcallHandle(lookup.findOrThrow("OpenSSL_version"),
                FunctionDescriptor.of(ADDRESS, JAVA_INT)).invokeExact(0);
            final String version = text.reinterpret(256).getString(0);
            if (major != 3) {
                return new Status(null, null, path + " is " + version + ", not OpenSSL 3");
            }
            return new Status(lookup, version, "loaded " + path);
        } catch (final java.util.NoSuchElementException e) {
            return new Status(null, null, path + " has no OPENSSL_version_major (older than OpenSSL 3)");
        } catch (final Throwable t) {
            return new Status(null, null, path + " version query failed: " + t);
        }
    }
}
