package cn.huzhu.axon;

import cn.huzhu.vocabulary.BusinessZone;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The clock an event-sourced service decides by: days of the business are days in Shanghai. A business date (setting
 * {@code huzhu.business-date}, for rehearsals, demos and tests of plan years that lie in the past) makes the service
 * take that day as today, the time of day running on as usual; every service of one platform is given the same date.
 */
public final class BusinessClock {

    private BusinessClock() {}

    /** The real clock in Shanghai, or one shifted to this day when {@code businessDate} is not blank (ISO yyyy-MM-dd). */
    public static Clock of(String businessDate) {
        Clock system = Clock.system(BusinessZone.ZONE);
        if (businessDate == null || businessDate.isBlank()) {
            return system;
        }
        LocalDate today = LocalDate.parse(businessDate.strip());
        return Clock.offset(system, Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(system), today)));
    }
}
