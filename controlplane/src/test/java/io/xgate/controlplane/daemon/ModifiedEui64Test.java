package io.xgate.controlplane.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xgate.linux.netlink.MacAddress;
import org.junit.jupiter.api.Test;

/** RFC 4291 appendix A: FF:FE in the middle, the universal/local bit inverted. */
class ModifiedEui64Test {
    @Test
    void aUniversalMacGetsFffeInsertedAndTheUniversalLocalBitSet() {
        assertEquals(0x0226_08FF_FEDE_4E29L, ModifiedEui64.of(MacAddress.parse("00:26:08:de:4e:29")));
    }

    @Test
    void aLocallyAdministeredMacHasItsUniversalLocalBitCleared() {
        // A veth's random MAC is locally administered (0x02 set): its identifier has the bit clear.
        assertEquals(0x3656_78FF_FE9A_BCDEL, ModifiedEui64.of(MacAddress.parse("34:56:78:9a:bc:de")));
        assertEquals(0x505B_D0FF_FE12_3456L, ModifiedEui64.of(MacAddress.parse("52:5b:d0:12:34:56")));
    }

    @Test
    void theExtremesKeepEveryOtherBit() {
        assertEquals(0x0200_00FF_FE00_0000L, ModifiedEui64.of(new MacAddress(0)));
        assertEquals(0xFDFF_FFFF_FEFF_FFFFL, ModifiedEui64.of(new MacAddress(0xFFFF_FFFF_FFFFL)));
    }
}
