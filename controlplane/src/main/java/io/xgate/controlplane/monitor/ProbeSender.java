package io.xgate.controlplane.monitor;

import io.xgate.dataplane.packet.IpAddress;

/** Sends one probe through a tunnel (in production: a worker command); false when it could not be queued. */
@FunctionalInterface
public interface ProbeSender {
    boolean send(int tunnelId, IpAddress source, IpAddress destination, int sequence);
}
