/**
 * IKEv2 (RFC 7296) for auto-key tunnels: the wire codec and the cryptography (phase 1), the exchanges (phase 2a),
 * rekeying of child and IKE SAs with collision handling, and dead peer detection (phase 2b).
 *
 * <ul>
 *   <li>{@code ike.wire}: bounded byte readers/writers and the immutable {@link io.xgate.controlplane.ike.wire.Bytes}.</li>
 *   <li>{@code ike.payload}: one record per payload (RFC 7296 §3.2-3.14, RFC 7383 §2.5) with {@code decode}/{@code encode}
 *       of its body; {@link io.xgate.controlplane.ike.payload.PayloadChain} owns the generic header shared by all.</li>
 *   <li>{@code ike.message}: {@link io.xgate.controlplane.ike.message.IkeMessage} (header + payloads),
 *       whose {@code decode} returns the closed set {@link io.xgate.controlplane.ike.message.IkeDecodeResult}
 *       and never throws on malformed input.</li>
 *   <li>{@code ike.crypto}: transform enums with IANA numbers, Diffie-Hellman groups, prf/prf+, key derivation
 *       (§2.13, §2.14, §2.17, §2.18), SK payload protection, PSK and RFC 7427 signature AUTH.</li>
 *   <li>{@code ike.proposal}: SA proposals from the config's crypto profiles, responder selection and the
 *       NO_PROPOSAL_CHOSEN explanation.</li>
 *   <li>{@code ike.ts}: traffic selectors from proxy IDs, responder narrowing and the TS_UNACCEPTABLE explanation.</li>
 *   <li>{@code ike.policy}: what the config asks of each gateway and its child SAs; {@code ike.sa}: the SA records
 *       and retransmission state; {@code ike.exchange}: NAT detection, cookies, identities, child SA negotiation.</li>
 *   <li>{@code ike.session}: {@link io.xgate.controlplane.ike.session.IkeEngine} and one state machine per IKE SA
 *       and per child SA, with injected randomness, clock and transport; the daemon's {@code AutoKeyTunnels} puts it on
 *       kernel UDP sockets and programs the data plane.</li>
 * </ul>
 */
package io.xgate.controlplane.ike;
