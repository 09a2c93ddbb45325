package io.xgate.dataplane.packet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IpAddressProperties {

    @Property
    void ipv4PrefixRoundTrips(@ForAll final int address, @ForAll @IntRange(max = 32) final int length) {
        final IpPrefix prefix = new IpPrefix(IpAddress.v4(address), length);

        assertEquals(prefix, IpPrefix.parse(prefix.toString()));
    }

    @Property
    void ipv6PrefixRoundTrips(@ForAll("ipv6") final IpAddress address, @ForAll @IntRange(max = 128) final int length) {
        final IpPrefix prefix = new IpPrefix(address, length);

        assertEquals(prefix, IpPrefix.parse(prefix.toString()));
    }

    @Property
    void ipv6ParsesEveryWrittenFormToTheSameAddress(@ForAll("ipv6") final IpAddress address) {
        final byte[] bytes = address.bytes();
        final StringBuilder full = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            full.append(i == 0 ? "" : ":").append(String.format("%02X%02X", bytes[i], bytes[i + 1]));
        }

        assertEquals(address, IpAddress.parse(full.toString()));
        assertEquals(address, IpAddress.parse(address.toString().toUpperCase(Locale.ROOT)));
    }

    /**
     * The JDK agrees on the bytes for a literal (a literal never triggers a lookup). It turns IPv4-mapped
     * addresses into IPv4 ones, so those are left out.
     */
    @Property
    void ipv6BytesMatchTheJdk(@ForAll("ipv6") final IpAddress address) throws UnknownHostException {
        Assume.that(address.high() != 0 || (address.low() >>> 32) != 0xFFFF);
        assertArrayEquals(InetAddress.ofLiteral(address.toString()).getAddress(), address.bytes());
    }

    @Property
    void hostBitsClearedByNetwork(@ForAll("ipv6") final IpAddress address, @ForAll @IntRange(max = 128) final int length) {
        final IpPrefix network = new IpPrefix(address, length).masked();

        assertEquals(false, network.hasHostBits());
        assertEquals(true, network.contains(address));
    }

    @Property
    void malformedAddressesAreRejectedNotResolved(@ForAll("hostnames") final String name) {
        assertThrows(IllegalArgumentException.class, () -> IpAddress.parse(name));
    }

    @Provide
    Arbitrary<IpAddress> ipv6() {
        // Runs of zero groups make the '::' compression cases likely.
        final Arbitrary<Integer> group = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.integers().between(0, 0xFFFF)));
        return group.array(int[].class).ofSize(8).map(groups -> {
            long high = 0;
            long low = 0;
            for (int i = 0; i < 4; i++) {
                high = (high << 16) | groups[i];
                low = (low << 16) | groups[i + 4];
            }
            return IpAddress.v6(high, low);
        });
    }

    @Provide
    Arbitrary<String> hostnames() {
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
                Arbitraries.of("example", "local", "corp")).as((a, b) -> a + "." + b);
    }
}
