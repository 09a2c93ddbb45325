package io.xgate.linux.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.linux.sys.Errno;
import io.xgate.linux.sys.LinuxException;
import io.xgate.linux.sys.VethLab;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RouteNetlinkNamespaceTest {
    @Test
    void readsIndexMacAndMtuOfALink() throws Exception {
        try (VethLab lab = VethLab.create(1); RouteNetlink netlink = new RouteNetlink()) {
            VethLab.run("ip", "link", "set", "dev", lab.rootName(0), "mtu", "1400");
            LinkInfo byName = netlink.link(lab.rootName(0));

            assertEquals(lab.rootIndex(0), byName.index());
            assertEquals(lab.rootName(0), byName.name());
            assertEquals(MacAddress.parse(lab.rootMac(0)), byName.mac());
            assertEquals(1400, byName.mtu());
            assertTrue(byName.up());
            assertEquals(byName, netlink.link(byName.index()));
        }
    }

    @Test
    void missingLinkIsEnodev() throws Exception {
        try (RouteNetlink netlink = new RouteNetlink()) {
            LinuxException e = assertThrows(LinuxException.class, () -> netlink.link("xg-none"));
            assertTrue(e.is(Errno.ENODEV), e.getMessage());
        }
    }

    @Test
    void findsANeighbourLearntByPinging() throws Exception {
        try (VethLab lab = VethLab.create(1); RouteNetlink netlink = new RouteNetlink()) {
            lab.peer("ping", lab.rootIpv4(0), "3");  // the kernel learns the peer from its ARP request

            Neighbour peer = awaitUsable(netlink, lab.rootIndex(0), InetAddress.getByName(lab.peerIpv4(0)));
            assertEquals(MacAddress.parse(lab.peerMac(0)), peer.mac());
        }
    }

    @Test
    void solicitResolvesIpv4AndIpv6NeighboursWithoutTraffic() throws Exception {
        try (VethLab lab = VethLab.create(1); RouteNetlink netlink = new RouteNetlink()) {
            for (String peerAddress : new String[] {lab.peerIpv4(0), lab.peerIpv6(0)}) {
                InetAddress address = InetAddress.getByName(peerAddress);
                netlink.solicit(lab.rootIndex(0), address);

                Neighbour peer = awaitUsable(netlink, lab.rootIndex(0), address);
                assertEquals(MacAddress.parse(lab.peerMac(0)), peer.mac(), peerAddress);
            }
        }
    }

    private static Neighbour awaitUsable(RouteNetlink netlink, int ifindex, InetAddress address)
            throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            Optional<Neighbour> found = netlink.neighbours().stream()
                    .filter(n -> n.ifindex() == ifindex && n.address().equals(address) && n.usable())
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no usable neighbour entry for " + address + ": " + netlink.neighbours());
    }
}
