package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpPrefix;
import java.util.List;

/** IPv6 on a tunnel interface (PAN-OS {@code interface/tunnel/units/entry/ipv6}). */
public record Ipv6Settings(boolean enabled, InterfaceId interfaceId, List<Ipv6Address> address) {

    public static final Ipv6Settings DISABLED = new Ipv6Settings(false, InterfaceId.Eui64.INSTANCE, List.of());

    public Ipv6Settings {
        address = List.copyOf(address);
    }

    /** The host half of addresses that take it from the interface: derived from the MAC, or given. */
    public sealed interface InterfaceId {
        enum Eui64 implements InterfaceId {
            INSTANCE;

            @Override
            public String toString() {
                return "EUI-64";
            }
        }

        /** Written as eight hex octets, {@code 00:26:08:FF:FE:DE:4E:29}. */
        record Explicit(long value) implements InterfaceId {
            @Override
            public String toString() {
                final StringBuilder out = new StringBuilder();
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out.append(String.format("%02X", (value >>> shift) & 0xFF)).append(shift > 0 ? ":" : "");
                }
                return out.toString();
            }
        }
    }

    /**
     * One address entry. PAN-OS names the entry by the address and calls "use interface ID as host portion"
     * {@code prefix}; the YAML keeps those names, the record says what they mean.
     */
    public record Ipv6Address(IpPrefix address, boolean enableOnInterface, boolean useInterfaceIdAsHostPortion,
                              boolean anycast) {
    }
}
