package cn.huzhu.payout.notify;

import static cn.huzhu.payout.notify.MemberNotices.day;

import cn.huzhu.vocabulary.BusinessZone;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds members to renew (the renewal notice system of the Shaoxing scheme): a paid enrolment whose cover ends within the
 * plan's reminder days, and that no later enrolment of the same plan renews (one starting after it and no later than the
 * day after its end), gets a first reminder, and a second one in its last week. Each is sent once per enrolment (its
 * notice row is keyed by the enrolment and the reminder), on the day it falls due or, after the service was down, on the
 * first run after it; a reminder that comes due on a day already past the second's sends the second only.
 * Runs every morning, at start-up and when an administrator asks; the day is the service's (its business date).
 */
@Component
public class RenewalReminders {

    private static final Logger log = LoggerFactory.getLogger(RenewalReminders.class);

    private record Due(UUID enrollmentId, UUID memberId, String planId, String plan, LocalDate end) {}

    private final JdbcTemplate jdbc;
    private final MemberNotices notices;
    private final RenewalSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public RenewalReminders(
            JdbcTemplate jdbc,
            MemberNotices notices,
            RenewalSettings settings,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "${huzhu.notices.renewal.cron:0 0 9 * * *}", zone = BusinessZone.ID)
    public void daily() {
        remind();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        try {
            remind();
        } catch (RuntimeException e) {
            log.warn("Renewal reminders not sent at start-up (the morning run sends them): {}", e.toString());
        }
    }

    /** Sends the reminders due today; answers how many were sent (or recorded, for members who opted out). */
    public int remind() {
        LocalDate today = LocalDate.now(clock);
        List<Due> due = jdbc.query(
                """
                select e.enrollment_id, e.member_id, e.plan_id, coalesce(p.name, ?) as plan, e.coverage_end
                from notice_enrolment e left join notice_plan p on p.plan_id = e.plan_id
                where e.paid and e.coverage_end >= ? and e.coverage_end <= ?
                  and not exists (select 1 from notice_enrolment r where r.member_id = e.member_id and r.plan_id = e.plan_id
                                  and r.coverage_start > e.coverage_start and r.coverage_start <= e.coverage_end + 1)
                order by e.coverage_end, e.enrollment_id""",
                (rs, n) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class)),
                MemberNotices.ANY_PLAN,
                today,
                today.plusDays(settings.longest()));
        int sent = 0;
        for (Due d : due) {
            long daysLeft = ChronoUnit.DAYS.between(today, d.end());
            NoticeKind kind;
            if (daysLeft <= settings.secondDaysBefore()) {
                kind = NoticeKind.RENEWAL_SECOND;
            } else if (daysLeft <= settings.firstFor(d.planId())) {
                kind = NoticeKind.RENEWAL_FIRST;
            } else {
                continue;
            }
            Map<String, String> values = kind == NoticeKind.RENEWAL_FIRST
                    ? Map.of("plan", d.plan(), "end", day(d.end()))
                    : Map.of("plan", d.plan(), "end", day(d.end()), "days", String.valueOf(daysLeft));
            // one transaction per reminder: a send that fails takes its row back, and the next run sends it
            boolean fresh = Boolean.TRUE.equals(transactions.execute(
                    s -> notices.tell(kind.name() + ":" + d.enrollmentId(), d.memberId(), kind, values)));
            if (fresh) {
                sent++;
            }
        }
        if (sent > 0) {
            log.info("{} renewal reminder(s) as of {}", sent, today);
        }
        return sent;
    }
}
