package cn.huzhu.reporting.query;

import cn.huzhu.contracts.claims.ApprovedBenefit;
import cn.huzhu.contracts.claims.ClaimApproved;
import cn.huzhu.contracts.claims.ClaimRevoked;
import cn.huzhu.contracts.enrollment.Funding;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.PremiumCollected;
import cn.huzhu.contracts.payouts.PayoutSucceeded;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Enrolments with their premiums and terms, the benefits approved under them (settled at the hospital or not, and the
 * day of their event), and the claims whose transfer the bank confirmed, for payout ratios. Each event is applied once
 * (its id is recorded in {@code ratio_processed_event} in the same transaction). Enrolments and claims come from
 * different topics in no guaranteed order, so nothing is summed here: the ratios are computed when asked
 * ({@link PayoutRatioQueries}). A poll is applied in a few batched statements, with the same outcome as applying its
 * events one by one: rows of one key are merged first (the later record wins; a premium once collected stays
 * collected), then enrolments, funding, collections, benefits and revocations are written in that order. Must run
 * inside a transaction.
 */
@Component
public class PayoutRatioProjection {

    private final JdbcTemplate jdbc;

    public PayoutRatioProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The projection's tables, live (a rebuild fills the same names with a suffix and swaps them in). */
    public static final List<String> TABLES =
            List.of("ratio_enrollment", "ratio_benefit", "ratio_funding", "ratio_paid_claim", "ratio_processed_event");

    public void apply(List<Event> events) {
        apply(events, Target.LIVE);
    }

    /** Applies to the live tables or a rebuild's; answers the events counted. */
    public int apply(List<Event> events, Target tables) {
        List<Event> relevant = events.stream()
                .filter(e -> e.record() instanceof MemberEnrolled
                        || e.record() instanceof PremiumCollected
                        || e.record() instanceof ClaimApproved
                        || e.record() instanceof ClaimRevoked
                        || e.record() instanceof PayoutSucceeded)
                .toList();
        List<Event> fresh = tables.fresh(jdbc, "ratio_processed_event", relevant);
        Map<UUID, Object[]> enrollments = new LinkedHashMap<>();
        Map<List<Object>, Object[]> funding = new LinkedHashMap<>();
        Set<UUID> collected = new LinkedHashSet<>();
        Map<List<UUID>, Object[]> benefits = new LinkedHashMap<>();
        Set<UUID> revoked = new LinkedHashSet<>();
        Map<UUID, Object[]> paid = new LinkedHashMap<>();
        for (Event event : fresh) {
            if (event.record() instanceof MemberEnrolled e) {
                Object[] row = {
                    e.getEnrollmentId(),
                    e.getMemberId(),
                    e.getUnitId(),
                    e.getDistrict(),
                    e.getPlanId(),
                    e.getCoverageStart().getYear(),
                    e.getPremium(),
                    "COLLECTED".equals(e.getPremiumStatus()),
                    e.getGifted(),
                    e.getCoverageStart(),
                    Math.max(1, e.getTermYears())
                };
                enrollments.merge(e.getEnrollmentId(), row, (before, after) -> {
                    after[7] = (Boolean) before[7] || (Boolean) after[7];
                    return after;
                });
                for (Funding f : e.getFunding()) {
                    funding.put(
                            List.of(e.getEnrollmentId(), f.getPayer()),
                            new Object[] {e.getEnrollmentId(), f.getPayer(), f.getAmount()});
                }
            } else if (event.record() instanceof PremiumCollected p) {
                collected.add(p.getEnrollmentId());
            } else if (event.record() instanceof ClaimApproved c) {
                revoked.remove(c.getClaimId());
                for (ApprovedBenefit b : c.getBenefits()) {
                    benefits.put(List.of(c.getClaimId(), b.getEnrollmentId()), new Object[] {
                        c.getClaimId(),
                        b.getEnrollmentId(),
                        b.getAmount(),
                        c.getDecidedOn(),
                        c.getHospitalSettlement() != null,
                        c.getEventDate()
                    });
                }
            } else if (event.record() instanceof ClaimRevoked r) {
                revoked.add(r.getClaimId());
            } else if (event.record() instanceof PayoutSucceeded p) {
                paid.putIfAbsent(p.getClaimId(), new Object[] {p.getClaimId(), p.getConfirmedOn()});
            }
        }
        if (!enrollments.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into " + tables.table("ratio_enrollment") + """
                     as r (enrollment_id, member_id, unit_id, district, plan_id, year, premium, collected, gifted, coverage_start, term_years)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (enrollment_id) do update set collected = r.collected or excluded.collected""", new ArrayList<>(enrollments.values()));
        }
        if (!funding.isEmpty()) {
            jdbc.batchUpdate("insert into " + tables.table("ratio_funding") + """
                     (enrollment_id, payer, amount) values (?, ?, ?)
                    on conflict (enrollment_id, payer) do update set amount = excluded.amount""", new ArrayList<>(funding.values()));
        }
        if (!collected.isEmpty()) {
            // the enrolment's row is there when its record came first (one key, one partition: the member's)
            Uuids.update(
                    jdbc,
                    "update " + tables.table("ratio_enrollment") + " set collected = true where enrollment_id = any(?)",
                    collected);
        }
        if (!benefits.isEmpty()) {
            jdbc.batchUpdate("insert into " + tables.table("ratio_benefit") + """
                     (claim_id, enrollment_id, amount, decided_on, at_hospital, event_date) values (?, ?, ?, ?, ?, ?)
                    on conflict (claim_id, enrollment_id) do update set amount = excluded.amount, revoked = false""", new ArrayList<>(benefits.values()));
        }
        if (!paid.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into " + tables.table("ratio_paid_claim")
                            + " (claim_id, paid_on) values (?, ?) on conflict do nothing",
                    new ArrayList<>(paid.values()));
        }
        if (!revoked.isEmpty()) {
            Uuids.update(
                    jdbc,
                    "update " + tables.table("ratio_benefit") + " set revoked = true where claim_id = any(?)",
                    revoked);
        }
        return fresh.size();
    }
}
