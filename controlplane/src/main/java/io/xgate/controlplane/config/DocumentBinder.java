package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Binds the whole document: the top-level sections, plus the small ones that need no binder of their own. */
final class DocumentBinder {
    /** xgate's sub-second monitor interval or hold-down, e.g. "0.2s"; whole seconds may be written "3s" too. */
    private static final Pattern SECONDS = Pattern.compile("([0-9]{1,3})(?:\\.([0-9]{1,3}))?s");

    private final InterfaceBinder interfaces = new InterfaceBinder();
    private final CryptoProfileBinder cryptoProfiles = new CryptoProfileBinder();
    private final GatewayBinder gateways;
    private final TunnelBinder tunnels;
    private final CertificateBinder certificates;

    DocumentBinder(final SecretSources sources) {
        final SecretReader secrets = new SecretReader(sources);
        this.gateways = new GatewayBinder(secrets);
        this.tunnels = new TunnelBinder(secrets);
        this.certificates = new CertificateBinder(sources);
    }

    DeviceConfig bind(final Node root) {
        return root.object(this::document);
    }

    private DeviceConfig document(final Fields f) {
        final Device device = f.get("device").object(DocumentBinder::device);
        final Interfaces boundInterfaces = f.get("interfaces").object(interfaces::bind);
        final Node zones = f.get("zones");
        return new DeviceConfig(device, boundInterfaces,
                zones.isPresent() ? zones.namedList(z -> new Zone(z.name())) : derivedZones(boundInterfaces),
                f.get("virtual-routers").namedList(DocumentBinder::virtualRouter),
                f.get("ike-crypto-profiles").namedList(cryptoProfiles::ike),
                f.get("ipsec-crypto-profiles").namedList(cryptoProfiles::ipsec),
                f.get("ike-gateways").namedList(gateways::bind),
                f.get("ipsec-tunnels").namedList(tunnels::bind),
                f.get("monitor-profiles").namedList(DocumentBinder::monitorProfile),
                f.get("tunnel-groups").namedList(DocumentBinder::tunnelGroup),
                f.get("certificates").namedList(certificates::certificate),
                f.get("certificate-profiles").namedList(CertificateBinder::profile));
    }

    private static Device device(final Fields f) {
        final Device d = Device.DEFAULT;
        return new Device(f.get("workers").integer(d.workers()), f.get("cpu-list").list(n -> n.integer(0)),
                f.get("counters-file").string(d.countersFile()),
                f.get("management-socket").string(d.managementSocket()),
                f.get("debug").object(DocumentBinder::debug),
                f.get("counter-slots").integer(d.counterSlots()));
    }

    private static Device.Debug debug(final Fields f) {
        return new Device.Debug(Optional.ofNullable(f.get("key-export-dir").string(null)));
    }

    /** Without a {@code zones} list, the zones are those the interfaces name. */
    private static List<Zone> derivedZones(final Interfaces interfaces) {
        return interfaces.all().stream().map(NetworkInterface::zone).flatMap(Optional::stream).distinct()
                .map(Zone::new).toList();
    }

    private static VirtualRouter virtualRouter(final Fields f) {
        return new VirtualRouter(f.name(), f.get("static-routes").namedList(DocumentBinder::staticRoute));
    }

    private static StaticRoute staticRoute(final Fields f) {
        return new StaticRoute(f.name(), InterfaceBinder.prefix(f.require("destination")),
                f.require("interface").string(""),
                Optional.ofNullable(f.get("nexthop").object(n -> n.get("ip-address").parsed(IpAddress::parse, null))),
                f.get("metric").integer(StaticRoute.DEFAULT_METRIC));
    }

    private static MonitorProfile monitorProfile(final Fields f) {
        final MonitorProfile d = MonitorProfile.DEFAULT;
        return new MonitorProfile(f.name(),
                f.get("action").choice(Choices.of(MonitorProfile.Action.class), d.action()),
                interval(f.get("interval"), d.interval()),
                f.get("threshold").integer(d.threshold()));
    }

    /** Whole seconds as a number (PAN-OS), or a string such as "0.2s" (xgate); also the hold-down of tunnel groups. */
    private static Duration interval(final Node node, final Duration fallback) {
        if (!node.isPresent() || !node.isString()) {
            return Duration.ofSeconds(node.integer((int) fallback.toSeconds()));
        }
        return node.parsed(DocumentBinder::seconds, fallback);
    }

    private static Duration seconds(final String text) {
        final Matcher m = SECONDS.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected whole seconds or a duration like \"0.2s\", got '" + text + "'");
        }
        final String fraction = m.group(2) == null ? "" : m.group(2);
        final int millis = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00").substring(0, 3));
        return Duration.ofSeconds(Integer.parseInt(m.group(1))).plusMillis(millis);
    }

    private static TunnelGroup tunnelGroup(final Fields f) {
        return new TunnelGroup(f.name(), f.require("primary").string(""), f.require("secondary").string(""),
                interval(f.get("hold-down"), TunnelGroup.DEFAULT_HOLD_DOWN));
    }
}
