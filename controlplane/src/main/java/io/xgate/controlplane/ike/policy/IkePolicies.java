package io.xgate.controlplane.ike.policy;

import io.xgate.controlplane.config.AutoKey;
import io.xgate.controlplane.config.Certificate;
import io.xgate.controlplane.config.CertificateProfile;
import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.IkeGateway;
import io.xgate.controlplane.config.IpsecTunnel;
import io.xgate.controlplane.config.ProxyId;
import io.xgate.dataplane.packet.IpAddress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The IKEv2 gateways of a validated config, with the child SAs each negotiates: every enabled auto-key tunnel
 * lists its gateways, and each of its proxy IDs (or the route-based any/any) is one child SA pair. IKEv1-only
 * gateways are left out. FQDN peers are resolved here, once, when the daemon starts.
 */
public final class IkePolicies {
    private static final System.Logger LOG = System.getLogger(IkePolicies.class.getName());

    private IkePolicies() {
    }

    public static List<GatewayPolicy> of(final DeviceConfig config) {
        final List<GatewayPolicy> policies = new ArrayList<>();
        for (final IkeGateway gateway : config.ikeGateways()) {
            if (gateway.version() == IkeGateway.Version.IKEV1) {
                LOG.log(System.Logger.Level.WARNING, "ike-gateway {0} is IKEv1: xgate speaks IKEv2 only", gateway.name());
                continue;
            }
            final Optional<IpAddress> peer = peerAddress(gateway);
            final int family = peer.map(IpAddress::family).orElse(IpAddress.V4);
            final Authenticator authenticator = switch (gateway.authentication()) {
                case IkeGateway.Authentication.PreSharedKey psk -> new PskAuthenticator(psk.key());
                case IkeGateway.Authentication.Certificate certificate -> certificateAuthenticator(config, certificate);
            };
            policies.add(new GatewayPolicy(gateway, config.findIkeCryptoProfile(gateway.ikeCryptoProfile()).orElseThrow(),
                config.sourceAddress(gateway.localAddress(), family), peer, authenticator, children(config, gateway)));
        }
        return policies;
    }

    /** A validated config names a loaded certificate with a key and a profile of loaded CAs. */
    private static CertificateAuthenticator certificateAuthenticator(final DeviceConfig config,
                                                                     final IkeGateway.Authentication.Certificate auth) {
        final Certificate local = config.findCertificate(auth.localCertificate()).orElseThrow();
        final CertificateProfile profile = config.findCertificateProfile(auth.certificateProfile().orElseThrow())
            .orElseThrow();
        final List<X509Certificate> cas = profile.caCertificates().stream()
            .map(name -> config.findCertificate(name).orElseThrow().certificate()).toList();
        return new CertificateAuthenticator(local.name(), local.chain(), local.privateKey().orElseThrow(),
            new CertificateTrust(profile.name(), cas, auth.strictValidationRevocation()));
    }

    private static List<ChildPolicy> children(final DeviceConfig config, final IkeGateway gateway) {
        final List<ChildPolicy> children = new ArrayList<>();
        for (final IpsecTunnel tunnel : config.ipsecTunnels()) {
            if (!tunnel.disabled() && tunnel.keying() instanceof AutoKey key && key.ikeGateway().contains(gateway.name())) {
                for (final ProxyId proxyId : key.effectiveProxyIds()) {
                    children.add(new ChildPolicy(tunnel, proxyId,
                        config.findIpsecCryptoProfile(key.ipsecCryptoProfile()).orElseThrow()));
                }
            }
        }
        return children;
    }

    private static Optional<IpAddress> peerAddress(final IkeGateway gateway) {
        return switch (gateway.peerAddress()) {
            case IkeGateway.PeerAddress.Ip ip -> Optional.of(ip.ip());
            case IkeGateway.PeerAddress.Dynamic dynamic -> Optional.empty();
            case IkeGateway.PeerAddress.Fqdn fqdn -> {
                try {
                    yield Optional.of(IpAddress.of(InetAddress.getByName(fqdn.fqdn())));
                } catch (final UnknownHostException e) {
                    LOG.log(System.Logger.Level.WARNING, "ike-gateway {0}: peer {1} does not resolve; responding only",
                        gateway.name(), fqdn.fqdn());
                    yield Optional.empty();
                }
            }
        };
    }
}
