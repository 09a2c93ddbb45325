package io.xgate.linux.netlink;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RtAttributesTest {
    private static RtAttributes parse(String hex) {
        return new RtAttributes(MemorySegment.ofArray(HexFormat.of().parseHex(hex)));
    }

    @Test
    void findsAttributesAcrossPadding() {
        // IFLA_IFNAME "ab\0" (len 7, padded to 8), IFLA_MTU 1500.
        RtAttributes attributes = parse("0700" + "0300" + "616200" + "00" + "0800" + "0400" + "dc050000");
        assertArrayEquals(new byte[] {'a', 'b', 0}, attributes.bytes(3));
        assertEquals(1500, attributes.find(4).get(JAVA_INT_UNALIGNED, 0));
        assertNull(attributes.find(1));
    }

    @Test
    void stopsAtAnAttributeClaimingMoreThanIsThere() {
        assertNull(parse("0800" + "0400" + "dc05" + "0800" + "0300" + "00000000").find(3));
        assertNull(parse("0200" + "0300").find(3), "a length below the header size is malformed");
    }

    @Test
    void ignoresNestedAndByteOrderFlagBits() {
        assertArrayEquals(new byte[] {1, 2, 3, 4}, parse("0800" + "0380" + "01020304").bytes(3));
    }

    @Test
    void macAddressRoundTrips() {
        MacAddress mac = MacAddress.parse("02:78:67:00:00:ff");
        assertEquals(0x0278670000ffL, mac.value());
        assertEquals("02:78:67:00:00:ff", mac.toString());
    }
}
