package cn.huzhu.payout.notify;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When members are reminded to renew ({@code huzhu.notices.renewal}).
 *
 * @param daysBefore       the first reminder, this many days before the cover's last day
 * @param secondDaysBefore the second, this many days before it
 * @param plans            the first reminder's days for a plan whose renewal takes longer (plan id: days)
 */
@ConfigurationProperties("huzhu.notices.renewal")
public record RenewalSettings(
        @DefaultValue("30") int daysBefore,
        @DefaultValue("7") int secondDaysBefore,
        Map<String, Integer> plans) {

    public RenewalSettings {
        plans = plans == null ? Map.of() : Map.copyOf(plans);
        if (secondDaysBefore < 0 || daysBefore <= secondDaysBefore) {
            throw new IllegalArgumentException("The first renewal reminder must come before the second: " + daysBefore
                    + " and " + secondDaysBefore + " days before the end");
        }
        plans.forEach((plan, days) -> {
            if (days <= secondDaysBefore) {
                throw new IllegalArgumentException("Plan " + plan
                        + ": the first renewal reminder must come before the second (" + days + " days)");
            }
        });
    }

    /** Days before the cover's end of the first reminder for this plan. */
    public int firstFor(String planId) {
        return plans.getOrDefault(planId, daysBefore);
    }

    /** The largest of them: enrolments ending further away are not looked at. */
    int longest() {
        return Math.max(
                daysBefore,
                plans.values().stream().mapToInt(Integer::intValue).max().orElse(0));
    }
}
