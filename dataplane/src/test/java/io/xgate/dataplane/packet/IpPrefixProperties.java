package io.xgate.dataplane.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IpPrefixProperties {
    @Property
    boolean v4PrefixContainsExactlyItsRange(@ForAll final int network, @ForAll @IntRange(max = 32) final int length,
                                            @ForAll final int probe) {
        final IpPrefix p = new IpPrefix(IpAddress.v4(network), length);
        final long first = p.network().low();
        final long last = p.last().low();
        final long x = probe & 0xFFFF_FFFFL;
        return p.contains(IpAddress.v4(probe)) == (x >= first && x <= last) && p.last().high() == 0
                && last - first + 1 == 1L << (32 - length);
    }

    @Property
    boolean v6LastAddressEndsThePrefix(@ForAll final long high, @ForAll final long low,
                                       @ForAll @IntRange(max = 128) final int length) {
        final IpPrefix p = new IpPrefix(IpAddress.v6(high, low), length);
        return p.contains(p.last()) && p.contains(p.network())
                && (length == 0 || !p.contains(new IpAddress(6, p.last().high() + (p.last().low() == -1L ? 1 : 0),
                p.last().low() + 1)) || (p.last().high() == -1L && p.last().low() == -1L));
    }

    @Test
    void keepsHostBitsAsWrittenAndMatchesOnTheNetwork() {
        assertEquals("198.18.1.77/25", IpPrefix.parse("198.18.1.77/25").toString());
        assertEquals("198.18.1.0/25", IpPrefix.parse("198.18.1.77/25").masked().toString());
        assertEquals("198.18.1.127", IpPrefix.parse("198.18.1.77/25").last().toString());
        assertEquals("2001:db8::/32", IpPrefix.parse("2001:db8::1/32").masked().toString());
    }
}
