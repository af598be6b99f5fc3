package cn.huzhu.reporting.query;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The summaries payout-ratio and claims reports read ({@code ratio_summary}, {@code ratio_payer_summary},
 * {@code claim_cube}), recomputed from the projections' tables after these changed: the listeners say so once a poll
 * is committed, and a scheduled refresh recomputes what changed, at most every
 * {@code huzhu.reporting.summary-refresh-millis} (2 s). A summary is replaced in one transaction, so a report reads the
 * old one or the new one, never half of each; it lags the projection by at most the interval and one refresh. Replicas
 * take turns: a refresh holds a transaction-scoped advisory lock per summary, as two replacing the same summary at once
 * would each delete the old rows and both insert theirs (every row twice).
 */
@Component
public class ReportSummaries {

    private static final Logger log = LoggerFactory.getLogger(ReportSummaries.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ReportChanges changes;
    // both start dirty: a restarted service recomputes them once
    private final AtomicBoolean ratios = new AtomicBoolean(true);
    private final AtomicBoolean claims = new AtomicBoolean(true);

    public ReportSummaries(JdbcTemplate jdbc, TransactionTemplate transaction, ReportChanges changes) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.changes = changes;
    }

    /** The payout-ratio projection committed a change. */
    public void ratiosChanged() {
        ratios.set(true);
    }

    /** The claims projection committed a change. */
    public void claimsChanged() {
        claims.set(true);
    }

    @Scheduled(fixedDelayString = "${huzhu.reporting.summary-refresh-millis:2000}")
    public void refresh() {
        refresh(ratios, "payout ratio", RATIOS_LOCK, this::refreshRatios);
        refresh(claims, "claims", CLAIMS_LOCK, this::refreshClaims);
    }

    /** Advisory lock keys of the summaries' refreshes (any two numbers this database uses for nothing else). */
    static final long RATIOS_LOCK = 0x6875_7a68_7501L;

    static final long CLAIMS_LOCK = 0x6875_7a68_7502L;

    private void refresh(AtomicBoolean dirty, String name, long lock, Runnable recompute) {
        // cleared before reading, so a change committed meanwhile marks it again for the next round
        if (!dirty.getAndSet(false)) {
            return;
        }
        try {
            long start = System.nanoTime();
            transaction.executeWithoutResult(status -> {
                jdbc.queryForList("select pg_advisory_xact_lock(?)", lock);
                recompute.run();
                changes.record("summary: " + name);
            });
            log.debug("Recomputed the {} summary in {} ms", name, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            dirty.set(true);
            log.warn("Could not recompute the {} summary (tried again next round): {}", name, e.toString());
        }
    }

    /**
     * Per plan year: the premiums collected (a term of several years spread evenly over its years, the last taking the
     * fen left over), and the benefits paid (at the hospital's desk, or once the transfer is confirmed; revoked ones not),
     * approved and revoked, each in the plan year of its enrolment that its event falls in.
     */
    void refreshRatios() {
        String spread = """
                spread as (select e.enrollment_id, e.member_id, e.unit_id, e.district, e.plan_id, e.collected, g.i, e.year + g.i as year,
                                  %s as share
                           from ratio_enrollment e cross join lateral generate_series(0, e.term_years - 1) as g(i))""".formatted(yearsShare("e.premium"));
        jdbc.update("delete from ratio_summary");
        jdbc.update("with " + spread + """
                , benefit as (select b.enrollment_id,
                                     least(greatest(coalesce(extract(year from age(b.event_date, e.coverage_start))::int, 0), 0),
                                           e.term_years - 1) as i,
                                     sum(b.amount) filter (where not b.revoked and (b.at_hospital or p.claim_id is not null)) as paid,
                                     sum(b.amount) as approved, sum(b.amount) filter (where b.revoked) as revoked
                              from ratio_benefit b join ratio_enrollment e on e.enrollment_id = b.enrollment_id
                              left join ratio_paid_claim p on p.claim_id = b.claim_id
                              group by 1, 2)
                insert into ratio_summary (level, year, unit_id, district, plan_id, members, premiums, benefits, approved, revoked)
                select grouping(s.unit_id, s.district, s.plan_id), s.year, s.unit_id, coalesce(s.district, min(s.district)), s.plan_id,
                       count(distinct s.member_id), coalesce(sum(s.share) filter (where s.collected), 0),
                       coalesce(sum(b.paid), 0), coalesce(sum(b.approved), 0), coalesce(sum(b.revoked), 0)
                from spread s
                left join benefit b on b.enrollment_id = s.enrollment_id and b.i = s.i
                group by grouping sets ((s.year, s.unit_id, s.plan_id), (s.year, s.unit_id), (s.year, s.district, s.plan_id), (s.year, s.district),
                                        (s.year, s.plan_id))""");
        jdbc.update("delete from ratio_payer_summary");
        jdbc.update("""
                insert into ratio_payer_summary (year, plan_id, payer, amount)
                select e.year + g.i, e.plan_id, f.payer, sum(%s)
                from ratio_enrollment e join ratio_funding f on f.enrollment_id = e.enrollment_id
                cross join lateral generate_series(0, e.term_years - 1) as g(i)
                where e.collected group by e.year + g.i, e.plan_id, f.payer""".formatted(yearsShare("f.amount")));
    }

    /**
     * The part of {@code amount} that falls in year {@code g.i} of enrolment {@code e}'s term: an even share cut to the fen,
     * the last year taking what is left over.
     */
    private static String yearsShare(String amount) {
        return "case when g.i < e.term_years - 1 then trunc(%1$s / e.term_years, 2) else %1$s - (e.term_years - 1) * trunc(%1$s / e.term_years, 2) end"
                .formatted(amount);
    }

    void refreshClaims() {
        jdbc.update("delete from claim_cube");
        String measures = """
                count(*), count(*) filter (where c.status = 'APPROVED'), count(*) filter (where c.status = 'REJECTED'),
                count(*) filter (where c.status = 'REVOKED'), coalesce(sum(%s) filter (where c.status = 'APPROVED'), 0),
                count(x.paid_on) filter (where c.status = 'APPROVED' and not c.at_hospital),
                coalesce(sum(x.paid_on - c.submitted_on) filter (where c.status = 'APPROVED' and not c.at_hospital), 0)
                from claim_fact c
                left join claim_member m on m.member_id = c.member_id
                left join (select claim_id, max(confirmed_on) as paid_on from claim_payment group by claim_id) x on x.claim_id = c.claim_id
                """;
        String keys =
                "extract(year from c.submitted_on)::int, %s, c.type, coalesce(m.district, ''), to_char(c.submitted_on, 'YYYY-MM')";
        String columns =
                "insert into claim_cube (with_plan, year, plan_id, type, district, month, claims, approved, rejected, revoked, amount, paid, days_sum) ";
        jdbc.update(columns + "select false, " + keys.formatted("null::varchar") + ", " + measures.formatted("c.amount")
                + " group by 2, 4, 5, 6");
        jdbc.update(columns + "select true, " + keys.formatted("p.plan_id") + ", " + measures.formatted("p.amount")
                + " left join claim_fact_plan p on p.claim_id = c.claim_id group by 2, 3, 4, 5, 6");
    }
}
