package cn.huzhu.reporting.messaging;

import java.util.UUID;

/**
 * The event ids a replay has seen, in two arrays of longs and one of flags (open addressing, linear probing: 17 bytes a
 * slot), so that a replay of millions of events can drop the repeated ones in memory without a million objects for the
 * collector to copy.
 * Not thread-safe: the replay's polling thread alone uses it.
 */
final class EventIdSet {

    private static final double MAX_LOAD = 0.6;

    private long[] high;
    private long[] low;
    private boolean[] used;
    private int size;

    EventIdSet(long expected) {
        int capacity = capacity(expected);
        high = new long[capacity];
        low = new long[capacity];
        used = new boolean[capacity];
    }

    /** The heap a set sized for {@code expected} ids takes. */
    static long bytesFor(long expected) {
        return capacity(expected) * 17L;
    }

    /** Slots for {@code expected} ids below the load factor: a power of two. */
    private static int capacity(long expected) {
        return Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 29, (long) (expected / MAX_LOAD) + 1)) * 2 - 1);
    }

    /** Adds {@code id}; answers whether it was not in the set before. */
    boolean add(UUID id) {
        if (size + 1 > high.length * MAX_LOAD) {
            grow();
        }
        return insert(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    private boolean insert(long h, long l) {
        int mask = high.length - 1;
        for (int slot = slot(h, l, mask); ; slot = (slot + 1) & mask) {
            if (!used[slot]) {
                used[slot] = true;
                high[slot] = h;
                low[slot] = l;
                size++;
                return true;
            }
            if (high[slot] == h && low[slot] == l) {
                return false;
            }
        }
    }

    private static int slot(long h, long l, int mask) {
        long x = h * 0x9E3779B97F4A7C15L ^ l;
        x ^= x >>> 33;
        x *= 0xC2B2AE3D27D4EB4FL;
        x ^= x >>> 29;
        return (int) x & mask;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        boolean[] oldUsed = used;
        high = new long[oldHigh.length * 2];
        low = new long[oldHigh.length * 2];
        used = new boolean[oldHigh.length * 2];
        size = 0;
        for (int i = 0; i < oldHigh.length; i++) {
            if (oldUsed[i]) {
                insert(oldHigh[i], oldLow[i]);
            }
        }
    }
}
