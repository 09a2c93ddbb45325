package io.xgate.dataplane.worker;

import io.xgate.dataplane.counters.DropReason;
import org.agrona.DirectBuffer;

/** The control plane's callback for a packet a worker punted; the bytes are valid only during the call. */
@FunctionalInterface
public interface PuntListener {
    void onPunt(DropReason reason, int port, DirectBuffer packet, int offset, int length);
}
