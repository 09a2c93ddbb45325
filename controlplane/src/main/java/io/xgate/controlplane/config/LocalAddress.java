package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpAddress;
import java.util.Optional;

/** The port (and optionally which of its addresses) IKE or a manual SA sends from. */
public record LocalAddress(String interfaceName, Optional<IpAddress> ip) {
}
