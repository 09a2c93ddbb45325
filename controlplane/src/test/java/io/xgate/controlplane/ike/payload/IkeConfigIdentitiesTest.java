package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.config.IkeGateway;
import io.xgate.controlplane.ike.wire.Bytes;
import org.junit.jupiter.api.Test;

import javax.security.auth.x500.X500Principal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IkeConfigIdentitiesTest {
    private static IdPayload id(final IkeGateway.IdType type, final String value) {
        return ConfigIdentities.of(Role.INITIATOR, new IkeGateway.Identity(type, value, IkeGateway.Matching.EXACT));
    }

    @Test
    void everyConfigIdTypeMapsToItsRfcIdType() {
        assertEquals(new IdPayload(Role.INITIATOR, IdPayload.ID_FQDN, Bytes.fromHex("612e6578616d706c65")),
            id(IkeGateway.IdType.FQDN, "a.example"));
        assertEquals(new IdPayload(Role.INITIATOR, IdPayload.ID_RFC822_ADDR, Bytes.fromHex("6140622e6578")),
            id(IkeGateway.IdType.UFQDN, "a@b.ex"));
        assertEquals(new IdPayload(Role.INITIATOR, IdPayload.ID_IPV4_ADDR, Bytes.fromHex("c0000201")),
            id(IkeGateway.IdType.IPADDR, "192.0.2.1"));
        assertEquals(new IdPayload(Role.INITIATOR, IdPayload.ID_IPV6_ADDR, Bytes.fromHex("20010db8" + "00".repeat(11) + "01")),
            id(IkeGateway.IdType.IPADDR, "2001:db8::1"));
        assertEquals(new IdPayload(Role.INITIATOR, IdPayload.ID_KEY_ID, Bytes.fromHex("0a0b")),
            id(IkeGateway.IdType.KEYID, "0a0b"));
        assertEquals(Bytes.of(new X500Principal("CN=gw-b.example, O=xgate").getEncoded()),
            id(IkeGateway.IdType.DN, "CN=gw-b.example, O=xgate").data());
    }

    @Test
    void restOfPayloadIsTheBodyTheAuthMacCovers() {
        assertEquals(Bytes.fromHex("02000000612e6578616d706c65"), id(IkeGateway.IdType.FQDN, "a.example").restOfPayload());
    }
}
