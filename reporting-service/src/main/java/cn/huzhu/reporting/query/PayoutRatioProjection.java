package cn.huzhu.reporting.query;

import cn.huzhu.contracts.claims.ApprovedBenefit;
import cn.huzhu.contracts.claims.ClaimApproved;
import cn.huzhu.contracts.claims.ClaimRevoked;
import cn.huzhu.contracts.enrollment.Funding;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.PremiumCollected;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection.Event;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Enrolments with their premiums and the benefits approved under them, for payout ratios. Each event is applied once
 * (its id is recorded in {@code ratio_processed_event} in the same transaction). Enrolments and claims come from
 * different topics in no guaranteed order, so nothing is summed here: the ratios are computed when asked
 * ({@link PayoutRatioQueries}). Must run inside a transaction.
 */
@Component
public class PayoutRatioProjection {

    private final JdbcTemplate jdbc;

    public PayoutRatioProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The projection's tables, live (a rebuild fills the same names with a suffix and swaps them in). */
    public static final List<String> TABLES = List.of("ratio_enrollment", "ratio_benefit", "ratio_funding", "ratio_processed_event");

    public void apply(List<Event> events) {
        apply(events, "");
    }

    /** Applies to the tables named with {@code suffix} (empty: the live ones); answers the events counted. */
    public int apply(List<Event> events, String suffix) {
        int counted = 0;
        for (Event event : events) {
            if (jdbc.update("insert into ratio_processed_event" + suffix + " (event_id) values (?) on conflict do nothing", event.eventId()) == 0) {
                continue;
            }
            counted++;
            if (event.record() instanceof MemberEnrolled e) {
                jdbc.update("insert into ratio_enrollment" + suffix + """
                         as r (enrollment_id, member_id, unit_id, district, plan_id, year, premium, collected, gifted)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (enrollment_id) do update set collected = r.collected or excluded.collected""",
                        e.getEnrollmentId(), e.getMemberId(), e.getUnitId(), e.getDistrict(), e.getPlanId(), e.getCoverageStart().getYear(),
                        e.getPremium(), "COLLECTED".equals(e.getPremiumStatus()), e.getGifted());
                for (Funding f : e.getFunding()) {
                    jdbc.update("insert into ratio_funding" + suffix + """
                             (enrollment_id, payer, amount) values (?, ?, ?)
                            on conflict (enrollment_id, payer) do update set amount = excluded.amount""",
                            e.getEnrollmentId(), f.getPayer(), f.getAmount());
                }
            } else if (event.record() instanceof PremiumCollected p) {
                // the enrolment's row is there when its record came first (one key, one partition: the member's)
                jdbc.update("update ratio_enrollment" + suffix + " set collected = true where enrollment_id = ?", p.getEnrollmentId());
            } else if (event.record() instanceof ClaimApproved c) {
                for (ApprovedBenefit b : c.getBenefits()) {
                    jdbc.update("insert into ratio_benefit" + suffix + """
                             (claim_id, enrollment_id, amount, decided_on) values (?, ?, ?, ?)
                            on conflict (claim_id, enrollment_id) do update set amount = excluded.amount, revoked = false""",
                            c.getClaimId(), b.getEnrollmentId(), b.getAmount(), c.getDecidedOn());
                }
            } else if (event.record() instanceof ClaimRevoked r) {
                jdbc.update("update ratio_benefit" + suffix + " set revoked = true where claim_id = ?", r.getClaimId());
            }
        }
        return counted;
    }
}
