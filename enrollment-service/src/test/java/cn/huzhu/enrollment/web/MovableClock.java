package cn.huzhu.enrollment.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A clock standing still on a day until a test moves it to another (the day a unit's payment arrives, say). */
final class MovableClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    MovableClock(LocalDate day, ZoneId zone) {
        this.zone = zone;
        moveTo(day);
    }

    /** Ten in the morning of {@code day}. */
    void moveTo(LocalDate day) {
        now = day.atTime(10, 0).atZone(zone).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.fixed(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
