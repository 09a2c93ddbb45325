package io.xgate.dataplane.counters;

/**
 * Type ids of the counters in the mapped counters file. A reader ({@code xgate stat}, {@code show vpn flow})
 * groups them by type and by the 8-byte key (SPI, tunnel id or port id) stored with each counter.
 */
public final class CounterTypes {
    public static final int SA_TRAFFIC = 100;
    public static final int SA_DROP = 101;
    public static final int TUNNEL_TRAFFIC = 200;
    public static final int TUNNEL_DROP = 201;
    public static final int PORT_TRAFFIC = 300;
    public static final int PORT_DROP = 301;
    public static final int WORKER = 400;

    private CounterTypes() {
    }
}
