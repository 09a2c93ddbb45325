package io.xgate.controlplane.ike.proposal;

import io.xgate.controlplane.config.DhGroup;
import io.xgate.controlplane.config.EspEncryption;
import io.xgate.controlplane.config.IkeCryptoProfile;
import io.xgate.controlplane.config.IkeEncryption;
import io.xgate.controlplane.config.IkeHash;
import io.xgate.controlplane.config.IpsecCryptoProfile;
import io.xgate.controlplane.config.Lifetime;
import io.xgate.controlplane.ike.crypto.ChildSuite;
import io.xgate.controlplane.ike.crypto.Encryption;
import io.xgate.controlplane.ike.crypto.EncryptionTransform;
import io.xgate.controlplane.ike.crypto.EsnTransform;
import io.xgate.controlplane.ike.crypto.IkeSuite;
import io.xgate.controlplane.ike.crypto.IntegrityTransform;
import io.xgate.controlplane.ike.crypto.KeyExchangeGroup;
import io.xgate.controlplane.ike.crypto.Prf;
import io.xgate.controlplane.ike.payload.Proposal;
import io.xgate.controlplane.ike.payload.SecurityProtocol;
import io.xgate.controlplane.ike.payload.Transform;
import io.xgate.controlplane.ike.payload.TransformAttribute;
import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IkeProposalTest {
    private static IkeCryptoProfile ike(final List<IkeEncryption> encryption, final List<IkeHash> hash,
                                        final List<DhGroup> groups) {
        return new IkeCryptoProfile("p", groups, encryption, hash, Lifetime.hours(8), 0);
    }

    private static final List<Proposal> OURS = ProposalBuilder.ike(ike(
        List.of(IkeEncryption.AES_256_GCM, IkeEncryption.AES_128_CBC), List.of(IkeHash.SHA256),
        List.of(DhGroup.GROUP19, DhGroup.GROUP14)), Bytes.EMPTY);

    @Test
    void ikeProfileBecomesSeparateAeadAndCbcProposalsInProfileOrder() {
        assertEquals(List.of(
            new Proposal(1, SecurityProtocol.IKE, Bytes.EMPTY, List.of(Transform.withKeyLength(Transform.ENCR, 20, 256),
                Transform.of(Transform.PRF, 5), Transform.of(Transform.KE, 19), Transform.of(Transform.KE, 14))),
            new Proposal(2, SecurityProtocol.IKE, Bytes.EMPTY, List.of(Transform.withKeyLength(Transform.ENCR, 12, 128),
                Transform.of(Transform.PRF, 5), Transform.of(Transform.INTEG, 12), Transform.of(Transform.KE, 19),
                Transform.of(Transform.KE, 14)))), OURS);
        assertEquals("aes-256-gcm/group19,group14 or aes-128-cbc-sha256/group19,group14",
            ProposalDescription.describe(OURS));
    }

    @Test
    void nonAuthOnlyGcmProfileStillOffersAPrf() {
        final List<Proposal> proposals = ProposalBuilder.ike(ike(List.of(IkeEncryption.AES_128_GCM),
            List.of(IkeHash.NON_AUTH), List.of(DhGroup.GROUP20)), Bytes.EMPTY);

        assertEquals(List.of(Transform.of(Transform.PRF, ProposalBuilder.DEFAULT_AEAD_PRF.id())),
            proposals.getFirst().transformsOfType(Transform.PRF));
    }

    @Test
    void explainsNoProposalChosenInTheConfigsWords() {
        final List<Proposal> ours = ProposalBuilder.ike(ike(List.of(IkeEncryption.AES_256_GCM), List.of(IkeHash.SHA256),
            List.of(DhGroup.GROUP19)), Bytes.EMPTY);
        final List<Proposal> peer = ProposalBuilder.ike(ike(List.of(IkeEncryption.AES_128_CBC), List.of(IkeHash.SHA1),
            List.of(DhGroup.GROUP2)), Bytes.EMPTY);

        assertEquals(new Selection.NoProposalChosen(
                "NO_PROPOSAL_CHOSEN: we offered aes-256-gcm/group19, peer offered aes-128-cbc-sha1/group2"),
            ProposalSelector.select(ours, peer));
    }

    @Test
    void namesAPrfMismatchTheSummaryCannotShow() {
        final List<Proposal> ours = ProposalBuilder.ike(ike(List.of(IkeEncryption.AES_256_GCM), List.of(IkeHash.SHA256),
            List.of(DhGroup.GROUP19)), Bytes.EMPTY);
        final List<Proposal> peer = ProposalBuilder.ike(ike(List.of(IkeEncryption.AES_256_GCM), List.of(IkeHash.SHA384),
            List.of(DhGroup.GROUP19)), Bytes.EMPTY);

        assertEquals("NO_PROPOSAL_CHOSEN: we offered aes-256-gcm/group19, peer offered aes-256-gcm/group19"
                + " (no common prf: we sha256, peer sha384)",
            assertInstanceOf(Selection.NoProposalChosen.class, ProposalSelector.select(ours, peer)).explanation());
    }

    @Test
    void preferenceDecidesBetweenOurOrderAndThePeers() {
        final List<Proposal> peer = ProposalBuilder.ike(ike(List.of(IkeEncryption.AES_128_CBC, IkeEncryption.AES_256_GCM),
            List.of(IkeHash.SHA256), List.of(DhGroup.GROUP14, DhGroup.GROUP19)), Bytes.EMPTY);

        final Proposal ours = chosen(ProposalSelector.select(OURS, peer, ProposalSelector.Preference.OURS));
        final Proposal theirs = chosen(ProposalSelector.select(OURS, peer, ProposalSelector.Preference.PEER));

        assertEquals(2, ours.number(), "peer's GCM proposal is its #2");
        assertEquals(List.of(Transform.withKeyLength(Transform.ENCR, 20, 256), Transform.of(Transform.PRF, 5),
            Transform.of(Transform.KE, 19)), ours.transforms());
        assertEquals(1, theirs.number());
        assertEquals(List.of(Transform.withKeyLength(Transform.ENCR, 12, 128), Transform.of(Transform.PRF, 5),
            Transform.of(Transform.INTEG, 12), Transform.of(Transform.KE, 14)), theirs.transforms());
        assertEquals(Optional.of(new IkeSuite(new Encryption(EncryptionTransform.AES_GCM_16, 256), Prf.HMAC_SHA2_256,
            IntegrityTransform.NONE, KeyExchangeGroup.ECP_256)), NegotiatedSuites.ike(ours));
        assertTrue(ProposalSelector.isAcceptableAnswer(OURS, ours));
    }

    @Test
    void aeadPeerSendingIntegrityNoneIsAccepted() {
        final Proposal peer = new Proposal(1, SecurityProtocol.IKE, Bytes.EMPTY, List.of(
            Transform.withKeyLength(Transform.ENCR, 20, 256), Transform.of(Transform.PRF, 5),
            Transform.of(Transform.INTEG, 0), Transform.of(Transform.KE, 19)));

        assertInstanceOf(Selection.Chosen.class, ProposalSelector.select(OURS, List.of(peer)));
    }

    @Test
    void transformsWithUnknownAttributesOrWrongKeyLengthAreNotSelected() {
        final Transform unknownAttribute = new Transform(Transform.ENCR, 20, List.of(TransformAttribute.keyLength(256),
            new TransformAttribute(99, true, Bytes.fromHex("0001"))));
        final List<Transform> base = List.of(Transform.of(Transform.PRF, 5), Transform.of(Transform.KE, 19));
        final List<Transform> odd = new ArrayList<>(base);
        odd.addFirst(unknownAttribute);
        final List<Transform> shortKey = new ArrayList<>(base);
        shortKey.addFirst(Transform.withKeyLength(Transform.ENCR, 20, 128));

        assertInstanceOf(Selection.NoProposalChosen.class,
            ProposalSelector.select(OURS, List.of(new Proposal(1, SecurityProtocol.IKE, Bytes.EMPTY, odd))));
        assertInstanceOf(Selection.NoProposalChosen.class,
            ProposalSelector.select(OURS, List.of(new Proposal(1, SecurityProtocol.IKE, Bytes.EMPTY, shortKey))));
    }

    @Test
    void answersWithSeveralTransformsOfATypeOrUnofferedOnesAreRefused() {
        assertFalse(ProposalSelector.isAcceptableAnswer(OURS, OURS.getFirst()));
        assertFalse(ProposalSelector.isAcceptableAnswer(OURS, new Proposal(1, SecurityProtocol.IKE, Bytes.EMPTY, List.of(
            Transform.withKeyLength(Transform.ENCR, 20, 256), Transform.of(Transform.PRF, 7), Transform.of(Transform.KE, 19)))));
    }

    @Test
    void espProposalsCarryEsnAndThePfsGroupOnlyWhenAsked() {
        final IpsecCryptoProfile profile = new IpsecCryptoProfile("p", new IpsecCryptoProfile.Esp(
            List.of(EspEncryption.AES_128_GCM, EspEncryption.AES_256_CBC),
            List.of(IntegrityAlgorithm.NONE, IntegrityAlgorithm.SHA256_128)), DhGroup.GROUP20, Lifetime.hours(1),
            Optional.empty());
        final Bytes spi = Bytes.fromHex("c0ffee01");

        final List<Proposal> authChild = ProposalBuilder.child(profile, spi, false);
        final List<Proposal> rekey = ProposalBuilder.child(profile, spi, true);

        assertEquals("aes-128-gcm or aes-256-cbc-sha256", ProposalDescription.describe(authChild));
        assertEquals("aes-128-gcm/group20 or aes-256-cbc-sha256/group20", ProposalDescription.describe(rekey));
        assertEquals(List.of(Transform.of(Transform.ESN, 0), Transform.of(Transform.ESN, 1)),
            authChild.getFirst().transformsOfType(Transform.ESN));
        assertEquals(spi, authChild.getFirst().spi());
        final Proposal chosen = chosen(ProposalSelector.select(rekey, List.of(rekey.getLast())));
        assertEquals(Optional.of(new ChildSuite(new Encryption(EncryptionTransform.AES_CBC, 256),
            IntegrityTransform.HMAC_SHA2_256_128, EsnTransform.NO_ESN, Optional.of(KeyExchangeGroup.ECP_384))),
            NegotiatedSuites.child(chosen));
    }

    @Test
    void predefinedDefaultProfilesMapToLegacyTransforms() {
        assertEquals("aes-128-cbc,3des-sha1/group2", ProposalDescription.describe(
            ProposalBuilder.ike(IkeCryptoProfile.DEFAULT, Bytes.EMPTY)));
        assertEquals("aes-128-cbc,3des-sha1/group2", ProposalDescription.describe(
            ProposalBuilder.child(IpsecCryptoProfile.DEFAULT, Bytes.fromHex("00000001"), true)));
    }

    private static Proposal chosen(final Selection selection) {
        return assertInstanceOf(Selection.Chosen.class, selection).proposal();
    }
}
