package cn.huzhu.vocabulary;

import java.time.ZoneId;

/**
 * The zone business dates are kept in: a coverage day, a claim's event date, a payout's value date and a report's
 * period are days in Asia/Shanghai, whatever zone the machine runs in.
 */
public final class BusinessZone {

    /** The zone's id, a constant for annotations ({@code @Scheduled(zone = BusinessZone.ID)}). */
    public static final String ID = "Asia/Shanghai";

    public static final ZoneId ZONE = ZoneId.of(ID);

    private BusinessZone() {}
}
