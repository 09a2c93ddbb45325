package io.xgate.dataplane.crypto.ipsecmb;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.foreign.SymbolLookup;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether libIPSec_MB can serve this process, decided once: an x86-64 JVM, a CPU with AES-NI, the library
 * loadable, and the GCM symbols of the chosen architecture exported. Probing never touches
 * {@link IpsecMbGcm}, whose static handles exist only once this says yes.
 */
public final class IpsecMbLibrary {
    /** Overrides the library path. */
    public static final String PATH_PROPERTY = "xgate.crypto.ipsecmb.library";
    public static final String DEFAULT_PATH = "/usr/lib/x86_64-linux-gnu/libIPSec_MB.so.1";
    /** Forces an architecture suffix (e.g. {@code sse}) instead of the best the CPU supports. */
    public static final String ARCH_PROPERTY = "xgate.crypto.ipsecmb.arch";

    static final int[] KEY_LENGTHS = {16, 24, 32};

    private record Status(IpsecMbArch arch, SymbolLookup lookup, String version, String reason) {
    }

    private static final Status STATUS = probe();

    private IpsecMbLibrary() {
    }

    public static boolean available() {
        return STATUS.lookup != null;
    }

    /** Why the library is or is not used, for the startup log. */
    public static String reason() {
        return STATUS.reason;
    }

    /** The architecture whose symbols are bound; only meaningful when {@link #available()}. */
    public static IpsecMbArch arch() {
        return STATUS.arch;
    }

    /** The library's own version string, e.g. "1.3.0"; only meaningful when {@link #available()}. */
    public static String version() {
        return STATUS.version;
    }

    static SymbolLookup lookup() {
        if (STATUS.lookup == null) {
            throw new IllegalStateException("intel-ipsec-mb unavailable: " + STATUS.reason);
        }
        return STATUS.lookup;
    }

    static String symbol(final String operation, final int keyLength, final IpsecMbArch arch) {
        return "aes_gcm_" + operation + "_" + keyLength * 8 + "_" + arch.suffix();
    }

    private static String versionOf(final SymbolLookup lookup) {
        final var symbol = lookup.find("imb_get_version_str");
        if (symbol.isEmpty()) {
            return "?";
        }
        try {
            final MemorySegment text = (MemorySegment) Linker.nativeLinker()
                    .downcallHandle(symbol.get(), FunctionDescriptor.of(ValueLayout.ADDRESS)).invokeExact();
            return text.reinterpret(32).getString(0);
        } catch (final Throwable t) {
            return "?";
        }
    }

    private static Status probe() {
        final String osArch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!osArch.equals("amd64") && !osArch.equals("x86_64")) {
            return new Status(null, null, null, "not an x86-64 JVM (" + osArch + ")");
        }
        final Set<String> flags = CpuFlags.read();
        final String forced = System.getProperty(ARCH_PROPERTY);
        final Optional<IpsecMbArch> chosen;
        try {
            chosen = forced == null ? IpsecMbArch.best(flags)
                    : Optional.of(IpsecMbArch.fromSuffix(forced)).filter(a -> a.supportedBy(flags));
        } catch (final IllegalArgumentException e) {
            return new Status(null, null, null, e.getMessage());
        }
        if (chosen.isEmpty()) {
            return new Status(null, null, null, forced == null
                    ? "CPU lacks AES-NI/PCLMULQDQ (or /proc/cpuinfo unreadable)"
                    : "CPU does not support the forced architecture " + forced);
        }
        final IpsecMbArch arch = chosen.get();
        final String path = System.getProperty(PATH_PROPERTY, DEFAULT_PATH);
        final SymbolLookup lookup;
        try {
            lookup = SymbolLookup.libraryLookup(java.nio.file.Path.of(path), Arena.global());
        } catch (final IllegalArgumentException | IllegalCallerException e) {
            return new Status(null, null, null, "cannot load " + path + " (" + e.getMessage() + ")");
        }
        for (final int keyLength : KEY_LENGTHS) {
            for (final String operation : new String[] {"pre", "enc", "dec"}) {
                final String name = symbol(operation, keyLength, arch);
                if (lookup.find(name).isEmpty()) {
                    return new Status(null, null, null, path + " does not export " + name);
                }
            }
        }
        return new Status(arch, lookup, versionOf(lookup), "loaded " + path + "; CPU flags select " + arch.suffix()
                + (forced == null ? "" : " (forced by -D" + ARCH_PROPERTY + ")"));
    }
}
