package io.xgate.bench.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    @Test
    void grantsFramesAtTheRateAndCapsTheBatch() {
        final TokenBucket bucket = new TokenBucket(1_000_000, 256); // one frame per microsecond
        bucket.start(0);
        assertEquals(0, bucket.due(999, 64));
        assertEquals(10, bucket.due(10_000, 64));
        bucket.take(10);
        assertEquals(0, bucket.due(10_500, 64));
        assertEquals(64, bucket.due(200_000, 64), "never more than the batch");
    }

    @Test
    void forgivesABacklogBeyondTheBurst() {
        final TokenBucket bucket = new TokenBucket(1_000_000, 256);
        bucket.start(0);
        assertEquals(256, bucket.due(1_000_000, 10_000), "a millisecond stalled: 1000 owed, 256 granted");
        bucket.take(256);
        assertEquals(1, bucket.due(1_001_000, 10_000), "then the rate again, not the rest of the backlog");
    }
}
