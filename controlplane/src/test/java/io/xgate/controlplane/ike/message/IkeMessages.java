package io.xgate.controlplane.ike.message;

import io.xgate.controlplane.ike.crypto.Encryption;
import io.xgate.controlplane.ike.crypto.EncryptionTransform;
import io.xgate.controlplane.ike.crypto.IkeKeyDerivation;
import io.xgate.controlplane.ike.crypto.IkeSuite;
import io.xgate.controlplane.ike.crypto.IntegrityTransform;
import io.xgate.controlplane.ike.crypto.KeyExchangeGroup;
import io.xgate.controlplane.ike.crypto.KeyMaterial;
import io.xgate.controlplane.ike.crypto.Prf;
import io.xgate.controlplane.ike.crypto.SkKeys;
import io.xgate.controlplane.ike.payload.AuthPayload;
import io.xgate.controlplane.ike.payload.CertPayload;
import io.xgate.controlplane.ike.payload.CertReqPayload;
import io.xgate.controlplane.ike.payload.DeletePayload;
import io.xgate.controlplane.ike.payload.IdPayload;
import io.xgate.controlplane.ike.payload.IkePayload;
import io.xgate.controlplane.ike.payload.KePayload;
import io.xgate.controlplane.ike.payload.NoncePayload;
import io.xgate.controlplane.ike.payload.NotifyPayload;
import io.xgate.controlplane.ike.payload.NotifyType;
import io.xgate.controlplane.ike.payload.PayloadType;
import io.xgate.controlplane.ike.payload.Proposal;
import io.xgate.controlplane.ike.payload.Role;
import io.xgate.controlplane.ike.payload.SaPayload;
import io.xgate.controlplane.ike.payload.SecurityProtocol;
import io.xgate.controlplane.ike.payload.TrafficSelector;
import io.xgate.controlplane.ike.payload.Transform;
import io.xgate.controlplane.ike.payload.TransformAttribute;
import io.xgate.controlplane.ike.payload.TsPayload;
import io.xgate.controlplane.ike.payload.UnrecognizedPayload;
import io.xgate.controlplane.ike.payload.VendorIdPayload;
import io.xgate.controlplane.ike.wire.Bytes;

import java.util.List;

/** Sample payloads of every kind and SK keys for every SK suite, shared by the message tests. */
final class IkeMessages {
    static final IkeHeader INIT_REQUEST = IkeHeader.of(0x1122334455667788L, 0, ExchangeType.IKE_SA_INIT, true, false, 0);
    static final IkeHeader AUTH_REQUEST = IkeHeader.of(0x1122334455667788L, 0x99aabbccddeeff00L, ExchangeType.IKE_AUTH,
        true, false, 1);

    static final List<IkeSuite> SK_SUITES = List.of(
        suite(EncryptionTransform.AES_CBC, 128, IntegrityTransform.HMAC_SHA1_96),
        suite(EncryptionTransform.AES_CBC, 256, IntegrityTransform.HMAC_SHA2_256_128),
        suite(EncryptionTransform.AES_CBC, 192, IntegrityTransform.HMAC_SHA2_384_192),
        suite(EncryptionTransform.AES_CBC, 256, IntegrityTransform.HMAC_SHA2_512_256),
        suite(EncryptionTransform.DES3, 192, IntegrityTransform.HMAC_SHA1_96),
        suite(EncryptionTransform.AES_GCM_16, 128, IntegrityTransform.NONE),
        suite(EncryptionTransform.AES_GCM_16, 256, IntegrityTransform.NONE));

    private IkeMessages() {
    }

    private static IkeSuite suite(final EncryptionTransform cipher, final int bits, final IntegrityTransform integrity) {
        return new IkeSuite(new Encryption(cipher, bits), Prf.HMAC_SHA2_256, integrity, KeyExchangeGroup.ECP_256);
    }

    static SkKeys keys(final IkeSuite suite) {
        return SkKeys.of(suite, IkeKeyDerivation.derive(suite, KeyMaterial.copyOf(new byte[32]), bytes(32, 1),
            bytes(32, 2), 1, 2));
    }

    static Bytes bytes(final int length, final int seed) {
        final byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (seed * 31 + i);
        }
        return Bytes.of(out);
    }

    /** One payload of every modelled type, with edge values (empty SPIs, TLV attributes, IPv6 selectors). */
    static List<IkePayload> everyPayload() {
        final Proposal ike = new Proposal(1, SecurityProtocol.IKE, Bytes.EMPTY, List.of(
            Transform.withKeyLength(Transform.ENCR, 20, 256), Transform.of(Transform.PRF, 5),
            Transform.of(Transform.KE, 19)));
        final Proposal esp = new Proposal(2, SecurityProtocol.ESP, bytes(4, 3), List.of(
            Transform.withKeyLength(Transform.ENCR, 12, 128), Transform.of(Transform.INTEG, 12),
            new Transform(Transform.ESN, 0, List.of(new TransformAttribute(99, false, bytes(3, 4))))));
        final TrafficSelector v4 = new TrafficSelector(TrafficSelector.TS_IPV4_ADDR_RANGE, 6, 80, 80,
            Bytes.fromHex("c6120100"), Bytes.fromHex("c61201ff"));
        final TrafficSelector v6 = new TrafficSelector(TrafficSelector.TS_IPV6_ADDR_RANGE, 0, 0, 65535,
            bytes(16, 5), bytes(16, 6));
        return List.of(
            new SaPayload(List.of(ike, esp)),
            new KePayload(19, bytes(64, 7)),
            new NoncePayload(bytes(32, 8)),
            new IdPayload(Role.INITIATOR, IdPayload.ID_FQDN, Bytes.of("a.example".getBytes())),
            new IdPayload(Role.RESPONDER, IdPayload.ID_IPV4_ADDR, Bytes.fromHex("c0000202")),
            new CertPayload(CertPayload.X509_SIGNATURE, bytes(100, 9)),
            new CertReqPayload(CertPayload.X509_SIGNATURE, bytes(40, 10)),
            new AuthPayload(AuthPayload.SHARED_KEY_MIC, bytes(32, 11)),
            NotifyPayload.of(NotifyType.NAT_DETECTION_SOURCE_IP, bytes(20, 12)),
            new NotifyPayload(SecurityProtocol.ESP, bytes(4, 13), NotifyType.REKEY_SA, Bytes.EMPTY),
            new DeletePayload(SecurityProtocol.ESP, 4, List.of(bytes(4, 14), bytes(4, 15))),
            new DeletePayload(SecurityProtocol.IKE, 0, List.of()),
            new VendorIdPayload(bytes(16, 16)),
            new TsPayload(Role.INITIATOR, List.of(v4, v6)),
            new TsPayload(Role.RESPONDER, List.of(v4)),
            new UnrecognizedPayload(PayloadType.CP, false, bytes(8, 17)));
    }
}
