package io.xgate.dataplane.worker;

import io.xgate.dataplane.counters.CounterTypes;
import io.xgate.dataplane.crypto.CryptoProvider;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

/**
 * The two rings between the control plane and one worker, as in Aeron's conductor ↔ sender: commands in
 * (many control-plane threads → the worker) and events out (the worker → the control plane), with the
 * counters that record what did not fit, and the way SAs the worker let go of come back to be closed
 * ({@link #closeRetiredSas()}). Hands out each side's end: {@link #proxy}, {@link #adapter},
 * {@link #puntPublisher()}, {@link #probeReplyPublisher()}, {@link #events()}. Build it on the control-plane thread, which owns the counters.
 */
public final class WorkerChannels implements AutoCloseable {
    /** Ring sizes in bytes (powers of two): 4096 pending commands, 1 MiB of punted packets. */
    public static final int DEFAULT_COMMAND_CAPACITY = 64 * 1024;
    public static final int DEFAULT_EVENT_CAPACITY = 1024 * 1024;
    /** A command message: the header and the handoff sequence, at the ring's record alignment. */
    static final int COMMAND_RECORD = RecordDescriptor.HEADER_LENGTH + Long.BYTES;

    private final int workerIndex;
    private final ManyToOneRingBuffer commands;
    private final CommandHandoff handoff;
    private final OneToOneRingBuffer events;
    private final MemorySegment eventMemory;
    private final AtomicCounter commandsRejected;
    private final AtomicCounter eventsLost;
    private final SaReturnQueue retiredSas;

    public WorkerChannels(final int workerIndex, final CountersManager counters) {
        this(workerIndex, counters, DEFAULT_COMMAND_CAPACITY, DEFAULT_EVENT_CAPACITY);
    }

    public WorkerChannels(final int workerIndex, final CountersManager counters, final int commandCapacity,
                          final int eventCapacity) {
        this.workerIndex = workerIndex;
        this.commands = new ManyToOneRingBuffer(ringBuffer(commandCapacity));
        this.handoff = new CommandHandoff(commandCapacity / COMMAND_RECORD);
        // Each command retires at most one SA: room for as many as there can be commands in flight.
        this.retiredSas = new SaReturnQueue(commandCapacity / COMMAND_RECORD);
        final ByteBuffer eventBuffer = ByteBuffer.allocateDirect(eventCapacity + RingBufferDescriptor.TRAILER_LENGTH);
        this.events = new OneToOneRingBuffer(new UnsafeBuffer(eventBuffer));
        // A segment view of the same memory: the worker copies packets from UMEM segments into it directly.
        this.eventMemory = MemorySegment.ofBuffer(eventBuffer);
        this.commandsRejected = counters.newCounter("worker " + workerIndex + ": commands rejected (ring full)",
                CounterTypes.WORKER, key -> key.putLong(0, workerIndex));
        this.eventsLost = counters.newCounter("worker " + workerIndex + ": events lost (ring full)",
                CounterTypes.WORKER, key -> key.putLong(0, workerIndex));
    }

    private static UnsafeBuffer ringBuffer(final int capacity) {
        return new UnsafeBuffer(ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH));
    }

    public int workerIndex() {
        return workerIndex;
    }

    /** The control plane's end of the command ring; SAs are built with {@code crypto}, counted in {@code counters}. */
    public WorkerProxy proxy(final CryptoProvider crypto, final CountersManager counters) {
        return new WorkerProxy(new WorkerProxy.Lane[] {lane()}, crypto, counters);
    }

    /**
     * The control plane's end of the command rings of several workers, {@code workers.get(i)} being worker i's:
     * each SA goes to its owner, routes and neighbours to all.
     */
    public static WorkerProxy proxy(final List<WorkerChannels> workers, final CryptoProvider crypto,
                                    final CountersManager counters) {
        for (int i = 0; i < workers.size(); i++) {
            if (workers.get(i).workerIndex != i) {
                throw new IllegalArgumentException("worker " + workers.get(i).workerIndex + " listed at " + i);
            }
        }
        return new WorkerProxy(workers.stream().map(WorkerChannels::lane).toArray(WorkerProxy.Lane[]::new), crypto,
                counters);
    }

    private WorkerProxy.Lane lane() {
        return new WorkerProxy.Lane(commands, handoff, commandsRejected);
    }

    /** The worker's end of the command ring, applying commands to {@code tables}. */
    public WorkerCommandAdapter adapter(final ForwardingTables tables) {
        return new WorkerCommandAdapter(commands, handoff, tables);
    }

    /** The worker's end of the event ring, for punted packets. */
    public PuntHandler puntPublisher() {
        return new PuntPublisher(events, eventMemory, eventsLost);
    }

    /** The worker's end of the event ring, for replies to the tunnel monitor's probes. */
    public ProbeReplyListener probeReplyPublisher() {
        return new ProbeReplyPublisher(events, eventsLost);
    }

    /** The control plane's end of the event ring. */
    public WorkerEvents events() {
        return new WorkerEvents(events);
    }

    /** The worker's end of the SA return path. */
    RetiredSas retiredSas() {
        return retiredSas;
    }

    /** Control-plane side: closes the SAs (wiping keys) and tunnels the worker removed or replaced since the last call. */
    public int closeRetiredSas() {
        return retiredSas.closeReturned();
    }

    public long commandsRejected() {
        return commandsRejected.get();
    }

    public long eventsLost() {
        return eventsLost.get();
    }

    @Override
    public void close() {
        commandsRejected.close();
        eventsLost.close();
    }
}
