package cn.huzhu.reporting.query;

import cn.huzhu.contracts.claims.ApprovedBenefit;
import cn.huzhu.contracts.claims.ClaimApproved;
import cn.huzhu.contracts.claims.ClaimRejected;
import cn.huzhu.contracts.claims.ClaimRevoked;
import cn.huzhu.contracts.enrollment.MemberRegistered;
import cn.huzhu.contracts.payouts.PayoutSucceeded;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection.Event;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
    public static final List<String> TABLES = List.of("claim_fact", "claim_fact_plan", "claim_member", "claim_payment", "claim_processed_event");

    private final JdbcTemplate jdbc;

    public ClaimsActivityProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void apply(List<Event> events) {
        apply(events, "");
    }

    /** Applies to the tables named with {@code suffix} (empty: the live ones); answers the events counted. */
    public int apply(List<Event> events, String suffix) {
        int counted = 0;
        for (Event event : events) {
            Object record = event.record();
            if (!(record instanceof MemberRegistered || record instanceof ClaimApproved || record instanceof ClaimRejected
                    || record instanceof ClaimRevoked || record instanceof PayoutSucceeded)) {
                continue;
            }
            if (jdbc.update("insert into claim_processed_event" + suffix + " (event_id) values (?) on conflict do nothing", event.eventId()) == 0) {
                continue;
            }
            counted++;
            if (record instanceof MemberRegistered m) {
                jdbc.update("insert into claim_member" + suffix + " (member_id, district) values (?, ?)"
                        + " on conflict (member_id) do update set district = excluded.district", m.getMemberId(), m.getDistrict());
            } else if (record instanceof ClaimApproved c) {
                decided(suffix, c.getClaimId(), c.getMemberId(), c.getType(), "APPROVED", c.getSubmittedOn(), c.getDecidedOn(), c.getTotal(),
                        c.getHospitalSettlement() != null);
                Map<String, BigDecimal> byPlan = new TreeMap<>();
                for (ApprovedBenefit b : c.getBenefits()) {
                    byPlan.merge(b.getPlanId(), b.getAmount(), BigDecimal::add);
                }
                byPlan.forEach((plan, amount) -> jdbc.update("insert into claim_fact_plan" + suffix + " (claim_id, plan_id, amount) values (?, ?, ?)",
                        c.getClaimId(), plan, amount));
            } else if (record instanceof ClaimRejected r) {
                decided(suffix, r.getClaimId(), r.getMemberId(), r.getType(), "REJECTED", r.getSubmittedOn(), r.getDecidedOn(),
                        BigDecimal.ZERO.setScale(2), false);
            } else if (record instanceof ClaimRevoked r) {
                jdbc.update("update claim_fact" + suffix + " set status = 'REVOKED' where claim_id = ?", r.getClaimId());
            } else if (record instanceof PayoutSucceeded p) {
                jdbc.update("insert into claim_payment" + suffix + " (payout_id, claim_id, confirmed_on) values (?, ?, ?) on conflict do nothing",
                        p.getPayoutId(), p.getClaimId(), p.getConfirmedOn());
            }
        }
        return counted;
    }

    /** The claim's latest decision replaces what was known of it (a rejected claim may be approved when decided again). */
    private void decided(String suffix, UUID claimId, UUID memberId, String type, String status, LocalDate submittedOn, LocalDate decidedOn,
                         BigDecimal amount, boolean atHospital) {
        // records written before the submission day was carried: the decision day (claims are decided on submission
        // unless reviewed)
        LocalDate submitted = submittedOn != null ? submittedOn : decidedOn;
        jdbc.update("insert into claim_fact" + suffix + """
                 as c (claim_id, member_id, type, status, submitted_on, decided_on, amount, at_hospital) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (claim_id) do update set type = excluded.type, status = excluded.status, submitted_on = excluded.submitted_on,
                    decided_on = excluded.decided_on, amount = excluded.amount, at_hospital = excluded.at_hospital""",
                claimId, memberId, type, status, submitted, decidedOn, amount, atHospital);
        jdbc.update("delete from claim_fact_plan" + suffix + " where claim_id = ?", claimId);
    }
}
