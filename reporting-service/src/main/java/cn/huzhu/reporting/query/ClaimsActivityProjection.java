package cn.huzhu.reporting.query;

import cn.huzhu.contracts.claims.ApprovedBenefit;
import cn.huzhu.contracts.claims.ClaimApproved;
import cn.huzhu.contracts.claims.ClaimRejected;
import cn.huzhu.contracts.claims.ClaimRevoked;
import cn.huzhu.contracts.enrollment.MemberRegistered;
import cn.huzhu.contracts.payouts.PayoutSucceeded;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection.Event;
import cn.huzhu.vocabulary.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decided claims with their status, the benefits they pay per plan, their members' districts and their payouts
 * confirmed by the bank, for the claims table ({@link ClaimsActivityQueries}). Each event is applied once (its id is
 * recorded in {@code claim_processed_event} in the same transaction). Must run inside a transaction.
 */
@Component
public class ClaimsActivityProjection {

    /** The projection's tables, live (a rebuild fills the same names with a suffix and swaps them in). */
    public static final List<String> TABLES =
            List.of("claim_fact", "claim_fact_plan", "claim_member", "claim_payment", "claim_processed_event");

    private final JdbcTemplate jdbc;

    public ClaimsActivityProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void apply(List<Event> events) {
        apply(events, Target.LIVE);
    }

    /** Applies to the live tables or a rebuild's; answers the events counted. */
    public int apply(List<Event> events, Target tables) {
        List<Event> relevant = events.stream()
                .filter(e -> e.record() instanceof MemberRegistered
                        || e.record() instanceof ClaimApproved
                        || e.record() instanceof ClaimRejected
                        || e.record() instanceof ClaimRevoked
                        || e.record() instanceof PayoutSucceeded)
                .toList();
        List<Event> fresh = tables.fresh(jdbc, "claim_processed_event", relevant);
        // a poll's records merged per key first, the later winning, so each row is written once (as one by one would
        // leave it)
        Map<UUID, Object[]> members = new LinkedHashMap<>();
        Map<UUID, Object[]> decisions = new LinkedHashMap<>();
        Map<UUID, Map<String, BigDecimal>> plans = new LinkedHashMap<>();
        Set<UUID> revoked = new LinkedHashSet<>();
        Map<UUID, Object[]> payments = new LinkedHashMap<>();
        for (Event event : fresh) {
            Object record = event.record();
            if (record instanceof MemberRegistered m) {
                members.put(m.getMemberId(), new Object[] {m.getMemberId(), m.getDistrict()});
            } else if (record instanceof ClaimApproved c) {
                decisions.put(
                        c.getClaimId(),
                        decision(
                                c.getClaimId(),
                                c.getMemberId(),
                                c.getType(),
                                "APPROVED",
                                c.getSubmittedOn(),
                                c.getDecidedOn(),
                                c.getTotal(),
                                c.getHospitalSettlement() != null));
                Map<String, BigDecimal> byPlan = new TreeMap<>();
                for (ApprovedBenefit b : c.getBenefits()) {
                    byPlan.merge(b.getPlanId(), b.getAmount(), BigDecimal::add);
                }
                plans.put(c.getClaimId(), byPlan);
                revoked.remove(c.getClaimId());
            } else if (record instanceof ClaimRejected r) {
                decisions.put(
                        r.getClaimId(),
                        decision(
                                r.getClaimId(),
                                r.getMemberId(),
                                r.getType(),
                                "REJECTED",
                                r.getSubmittedOn(),
                                r.getDecidedOn(),
                                Money.ZERO.yuan(),
                                false));
                plans.put(r.getClaimId(), Map.of());
                revoked.remove(r.getClaimId());
            } else if (record instanceof ClaimRevoked r) {
                revoked.add(r.getClaimId());
            } else if (record instanceof PayoutSucceeded p) {
                payments.putIfAbsent(
                        p.getPayoutId(), new Object[] {p.getPayoutId(), p.getClaimId(), p.getConfirmedOn()});
            }
        }
        if (!members.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into " + tables.table("claim_member") + " (member_id, district) values (?, ?)"
                            + " on conflict (member_id) do update set district = excluded.district",
                    new ArrayList<>(members.values()));
        }
        if (!decisions.isEmpty()) {
            // the claim's latest decision replaces what was known of it (a rejected claim may be approved when decided
            // again)
            jdbc.batchUpdate("insert into " + tables.table("claim_fact") + """
                     as c (claim_id, member_id, type, status, submitted_on, decided_on, amount, at_hospital) values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (claim_id) do update set type = excluded.type, status = excluded.status, submitted_on = excluded.submitted_on,
                        decided_on = excluded.decided_on, amount = excluded.amount, at_hospital = excluded.at_hospital""", new ArrayList<>(decisions.values()));
            Uuids.update(
                    jdbc,
                    "delete from " + tables.table("claim_fact_plan") + " where claim_id = any(?)",
                    plans.keySet());
            List<Object[]> rows = new ArrayList<>();
            plans.forEach(
                    (claim, byPlan) -> byPlan.forEach((plan, amount) -> rows.add(new Object[] {claim, plan, amount})));
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(
                        "insert into " + tables.table("claim_fact_plan")
                                + " (claim_id, plan_id, amount) values (?, ?, ?)",
                        rows);
            }
        }
        if (!revoked.isEmpty()) {
            Uuids.update(
                    jdbc,
                    "update " + tables.table("claim_fact") + " set status = 'REVOKED' where claim_id = any(?)",
                    revoked);
        }
        if (!payments.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into " + tables.table("claim_payment")
                            + " (payout_id, claim_id, confirmed_on) values (?, ?, ?) on conflict do nothing",
                    new ArrayList<>(payments.values()));
        }
        return fresh.size();
    }

    /** A claim_fact row; records written before the submission day was carried take the decision day (claims are decided on submission unless reviewed). */
    private static Object[] decision(
            UUID claimId,
            UUID memberId,
            String type,
            String status,
            LocalDate submittedOn,
            LocalDate decidedOn,
            BigDecimal amount,
            boolean atHospital) {
        return new Object[] {
            claimId,
            memberId,
            type,
            status,
            submittedOn != null ? submittedOn : decidedOn,
            decidedOn,
            amount,
            atHospital
        };
    }
}
