package cn.huzhu.system;

import java.util.concurrent.locks.LockSupport;

/**
 * Sends at a steady rate without spinning: the load generator shares the two cores with the services, and a thread
 * spinning until each send's time took one of them whole, lengthening the tail it measured.
 */
final class Pace {

    private Pace() {}

    /** Returns at {@code dueNanos} ({@link System#nanoTime()}), parked until then. */
    static void until(long dueNanos) {
        for (long left = dueNanos - System.nanoTime(); left > 0; left = dueNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
