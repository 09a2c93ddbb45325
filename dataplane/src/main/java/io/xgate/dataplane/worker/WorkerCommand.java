package io.xgate.dataplane.worker;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.dataplane.route.Adjacency;
import io.xgate.dataplane.sa.InboundSa;
import io.xgate.dataplane.sa.OutboundSa;
import io.xgate.dataplane.sa.Tunnel;

/**
 * A change to a worker's tables, built completely on the control plane (SAs with their keys already expanded)
 * so that applying it on the worker only links objects in. Records print no keys: SAs print their description.
 */
public sealed interface WorkerCommand {
    /** Runs on the worker thread, between batches. */
    void applyTo(ForwardingTables tables);

    record AddTunnel(Tunnel tunnel) implements WorkerCommand {
        @Override
        public void applyTo(final ForwardingTables tables) {
            tables.addTunnel(tunnel);
        }
    }

    /** The tunnel's outbound SAs go with it; its inbound SAs are removed by SPI. */
    record RemoveTunnel(int id) implements WorkerCommand {
        @Override
        public void applyTo(final ForwardingTables tables) {
            tables.removeTunnel(id);
        }
    }

    record AddInboundSa(InboundSa sa) implements WorkerCommand {
        @Override
        public void applyTo(final ForwardingTables tables) {
            tables.addInbound(sa);
        }
    }

    /** The next hop is set here, on the worker, as the pipeline reads it without synchronisation. */
    record AddOutboundSa(OutboundSa sa, int egressPort, long nextHopMac) implements WorkerCommand {
        @Override
        public void applyTo(final ForwardingTables tables) {
            sa.nextHop(egressPort, nextHopMac);
            tables.addOutbound(sa);
        }
    }

    /** The path to the peer changed (neighbour resolved or moved): the SA keeps its sequence numbers. */
    record OutboundNextHop(int tunnelId, int spi, int egressPort, long nextHopMac) implements WorkerCommand {
        @Override
        public void applyTo(final ForwardingTables tables) {
            final OutboundSa sa = tables.outbound(tunnelId, spi);
            if (sa != null) {
                sa.nextHop(egressPort, nextHopMac);
            }
        }
    }

    /** On every worker but the SA's owner: packets with {@code spi} go to worker {@code owner}. */
    record InboundOwner(int spi, int owner) implements WorkerCommand {
        @Override
        public void applyTo(final ForwardingTables tables) {
            tables.inboundOwner(spi, owner);
        }
    }

    /** On the owner removes the SA, on the others forgets the owner. */
    record RemoveInboundSa(int spi) implements WorkerCommand {
        @Override
        public void applyTo(final ForwardingTables tables) {
            tables.removeInbound(spi);
        }
    }

    record RemoveOutboundSa(int tunnelId, int spi) implements WorkerCommand {
        @Override
        public void applyTo(final ForwardingTables tables) {
            tables.removeOutbound(tunnelId, spi);
        }
    }

    record AddRoute(int virtualRouter, IpPrefix prefix, int metric, Adjacency adjacency) implements WorkerCommand {
        @Override
        public void applyTo(final ForwardingTables tables) {
            tables.virtualRouter(virtualRouter).add(prefix, metric, adjacency);
        }
    }

    /** Removes the routes for {@code prefix} that lead into the very {@code adjacency} object given to AddRoute. */
    record RemoveRoute(int virtualRouter, IpPrefix prefix, Adjacency adjacency) implements WorkerCommand {
        @Override
        public void applyTo(final ForwardingTables tables) {
            tables.virtualRouter(virtualRouter).remove(prefix, adjacency);
        }
    }

    /** {@code mac} 0 forgets the neighbour. */
    record Neighbour(IpAddress address, long mac) implements WorkerCommand {
        @Override
        public void applyTo(final ForwardingTables tables) {
            if (mac == 0) {
                tables.neighbours().remove(address);
            } else {
                tables.neighbours().put(address, mac);
            }
        }
    }

    /**
     * An ICMP echo request from {@code source} (the tunnel interface's address) to {@code destination}, identifier =
     * tunnel id, sent into tunnel {@code tunnelId} by the worker itself (no kernel round trip). Queued here, built and
     * sent in the same duty cycle from the worker's frame pool.
     */
    record SendProbe(int tunnelId, IpAddress source, IpAddress destination, int sequence) implements WorkerCommand {
        public SendProbe {
            if (source.family() != destination.family()) {
                throw new IllegalArgumentException("probe source and destination must be of one family");
            }
        }

        @Override
        public void applyTo(final ForwardingTables tables) {
            tables.probeRequests().offer(this);
        }
    }

    record LocalAddress(IpAddress address, boolean present) implements WorkerCommand {
        @Override
        public void applyTo(final ForwardingTables tables) {
            if (present) {
                tables.localAddresses().add(address);
            } else {
                tables.localAddresses().remove(address);
            }
        }
    }
}
