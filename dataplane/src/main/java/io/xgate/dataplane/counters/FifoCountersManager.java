package io.xgate.dataplane.counters;

import java.util.function.Consumer;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.IntArrayQueue;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.status.CountersManager;

/**
 * Agrona's {@link CountersManager} with a free list that costs O(1) per allocation. Agrona's own takes a freed
 * id with {@code IntArrayList.remove(0)}, which shifts the whole list: after thousands of child SAs come and go
 * (48 counters each) every new counter moved hundreds of kilobytes, the largest cost of an IKE SA setup in
 * {@code xgate bench ike-setup}. Same records, same reuse order (oldest freed id first, at once: no reuse
 * timeout) and the same file layout, so readers ({@code xgate stat}, {@code show}) see no difference.
 */
public final class FifoCountersManager extends CountersManager {
    private final IntArrayQueue freed = new IntArrayQueue(IntArrayQueue.MIN_CAPACITY, NULL_COUNTER_ID);

    public FifoCountersManager(final AtomicBuffer metaDataBuffer, final AtomicBuffer valuesBuffer) {
        super(metaDataBuffer, valuesBuffer);
    }

    @Override
    public int available() {
        return super.available() + freed.size();
    }

    @Override
    public int allocate(final String label) {
        return allocate(label, DEFAULT_TYPE_ID);
    }

    @Override
    public int allocate(final String label, final int typeId) {
        return allocate(label, typeId, key -> { });
    }

    @Override
    public int allocate(final String label, final int typeId, final Consumer<MutableDirectBuffer> keyFunc) {
        if (freed.isEmpty()) {
            return super.allocate(label, typeId, keyFunc); // above the high-water mark
        }
        final int id = reuse(typeId);
        setCounterKey(id, keyFunc);
        setCounterLabel(id, label);
        metaDataBuffer.putIntRelease(metaDataOffset(id), RECORD_ALLOCATED);
        return id;
    }

    @Override
    public int allocate(final int typeId, final DirectBuffer keyBuffer, final int keyOffset, final int keyLength,
                        final DirectBuffer labelBuffer, final int labelOffset, final int labelLength) {
        if (freed.isEmpty()) {
            return super.allocate(typeId, keyBuffer, keyOffset, keyLength, labelBuffer, labelOffset, labelLength);
        }
        final int id = reuse(typeId);
        final int record = metaDataOffset(id);
        if (keyBuffer != null) {
            metaDataBuffer.putBytes(record + KEY_OFFSET, keyBuffer, keyOffset, Math.min(keyLength, MAX_KEY_LENGTH));
        }
        final int length = Math.min(labelLength, MAX_LABEL_LENGTH);
        metaDataBuffer.putBytes(record + LABEL_OFFSET + Integer.BYTES, labelBuffer, labelOffset, length);
        metaDataBuffer.putIntRelease(record + LABEL_OFFSET, length);
        metaDataBuffer.putIntRelease(record, RECORD_ALLOCATED);
        return id;
    }

    /** Takes the oldest freed id and resets its value and ids; its key was zeroed when it was freed. */
    private int reuse(final int typeId) {
        final int id = freed.pollInt();
        final int values = counterOffset(id);
        valuesBuffer.putLongRelease(values + REGISTRATION_ID_OFFSET, DEFAULT_REGISTRATION_ID);
        valuesBuffer.putLong(values + OWNER_ID_OFFSET, DEFAULT_OWNER_ID);
        valuesBuffer.putLong(values + REFERENCE_ID_OFFSET, DEFAULT_REFERENCE_ID);
        valuesBuffer.putLongRelease(values, 0L);
        final int record = metaDataOffset(id);
        metaDataBuffer.putInt(record + TYPE_ID_OFFSET, typeId);
        metaDataBuffer.putLong(record + FREE_FOR_REUSE_DEADLINE_OFFSET, NOT_FREE_TO_REUSE);
        return id;
    }

    /** As Agrona's, but onto this manager's queue (Agrona's list stays empty, so its own reuse never runs). */
    @Override
    public void free(final int counterId) {
        validateCounterId(counterId);
        final int record = metaDataOffset(counterId);
        if (metaDataBuffer.getIntVolatile(record) != RECORD_ALLOCATED) {
            throw new IllegalStateException("counter not allocated: id=" + counterId);
        }
        metaDataBuffer.putIntRelease(record, RECORD_RECLAIMED);
        metaDataBuffer.setMemory(record + KEY_OFFSET, MAX_KEY_LENGTH, (byte) 0);
        // Reusable at once, as Agrona's manager without a reuse timeout writes it (its clock reads 0).
        metaDataBuffer.putLong(record + FREE_FOR_REUSE_DEADLINE_OFFSET, 0L);
        freed.addInt(counterId);
    }
}
