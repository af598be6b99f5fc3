package cn.huzhu.payout.notify;

import cn.huzhu.contracts.enrollment.MemberContactRegistered;
import cn.huzhu.payout.query.BankAccounts;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a member one notice per event, through the SMS port, and keeps what was sent: the notice, its text, the phone
 * (masked), when and how it went. The row is written first, keyed by the event's id, in the transaction of the caller (the
 * Kafka listener's, the event processor's): an event handled again finds its row and sends nothing. A notice for a member
 * whose phone is not known yet waits and is sent when the phone arrives; a member who opted out is not sent the optional
 * notices ({@link NoticeKind#optional()}), and the row says so.
 */
@Component
public class MemberNotices {

    private static final Logger log = LoggerFactory.getLogger(MemberNotices.class);

    /** What became of a notice. */
    public enum Outcome {
        SENT,
        WAITING_FOR_PHONE,
        OPTED_OUT
    }

    /** A notice as the member and the administrators see it. */
    public record Notice(String eventId, NoticeKind kind, String text, Outcome outcome, String phone, Instant at) {}

    /** What a plan is called until its record has come. */
    static final String ANY_PLAN = "职工医疗互助保障";

    private final Notifier notifier;
    private final NoticeTemplates templates;
    private final BankAccounts accounts;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public MemberNotices(Notifier notifier, BankAccounts accounts, JdbcTemplate jdbc, Clock clock) {
        this.notifier = notifier;
        this.templates = NoticeTemplates.load();
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The name of a plan for the notices' text (a generic one until the plan's record has come). */
    public String planName(String planId) {
        return jdbc.queryForList("select name from notice_plan where plan_id = ?", String.class, planId).stream()
                .findFirst()
                .orElse(ANY_PLAN);
    }

    /** Tells the member once per {@code eventId}, on the phone on record; answers whether this was the first time. */
    public boolean tell(String eventId, UUID memberId, NoticeKind kind, Map<String, String> values) {
        return tell(eventId, memberId, kind, values, null);
    }

    /**
     * Tells the member once per {@code eventId}; on {@code phoneGiven} when not null, else on the phone on record. Answers
     * whether this was the first time (false: the event's notice was recorded before, nothing is sent).
     */
    public boolean tell(String eventId, UUID memberId, NoticeKind kind, Map<String, String> values, String phoneGiven) {
        String text = templates.render(kind, values);
        String phone = phoneGiven != null && !phoneGiven.isBlank()
                ? phoneGiven
                : phoneOf(memberId).orElse(null);
        Outcome outcome = kind.optional() && optedOut(memberId)
                ? Outcome.OPTED_OUT
                : phone == null ? Outcome.WAITING_FOR_PHONE : Outcome.SENT;
        int first = jdbc.update(
                """
                insert into notification_log (event_id, member_id, kind, sent_at, text, outcome, phone_masked)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                eventId,
                memberId,
                kind.name(),
                Timestamp.from(clock.instant()),
                text,
                outcome.name(),
                phone == null ? null : LoggingSmsNotifier.maskPhone(phone));
        if (first == 0) {
            return false;
        }
        if (outcome == Outcome.SENT) {
            notifier.send(phone, text);
        } else {
            log.info("{} notice of member {}: {}", kind, memberId, outcome);
        }
        return true;
    }

    /** The member's phone arrived (or changed): kept, and the notices that waited for it sent now. */
    public void contactArrived(MemberContactRegistered e) {
        jdbc.update("""
                insert into member_contact (member_id, phone, event_at) values (?, ?, ?)
                on conflict (member_id) do update set phone = excluded.phone, event_at = excluded.event_at
                where member_contact.event_at <= excluded.event_at""", e.getMemberId(), e.getPhone(), Timestamp.from(e.getOccurredAt()));
        phoneKnown(e.getMemberId());
    }

    /** A phone of the member is on record now (theirs, or the one given with their bank account): what waited for it is sent. */
    public void phoneKnown(UUID memberId) {
        String phone = phoneOf(memberId).orElse(null);
        if (phone == null) {
            return;
        }
        List<String> waiting = jdbc.queryForList(
                """
                update notification_log set outcome = 'SENT', phone_masked = ?, sent_at = ?
                where member_id = ? and outcome = 'WAITING_FOR_PHONE' returning text""", String.class, LoggingSmsNotifier.maskPhone(phone), Timestamp.from(clock.instant()), memberId);
        waiting.forEach(text -> notifier.send(phone, text));
    }

    /** Whether the member asked not to be sent the optional notices. */
    public boolean optedOut(UUID memberId) {
        return jdbc
                .query(
                        "select opted_out from notice_preference where member_id = ?",
                        (rs, n) -> rs.getBoolean(1),
                        memberId)
                .stream()
                .findFirst()
                .orElse(false);
    }

    /** Records the member's choice. */
    public void setOptedOut(UUID memberId, boolean optedOut) {
        jdbc.update("""
                insert into notice_preference (member_id, opted_out, changed_at) values (?, ?, ?)
                on conflict (member_id) do update set opted_out = excluded.opted_out, changed_at = excluded.changed_at""", memberId, optedOut, Timestamp.from(clock.instant()));
    }

    /** The member's notices, newest first. */
    public List<Notice> of(UUID memberId) {
        return jdbc.query(
                """
                select event_id, kind, text, outcome, phone_masked, sent_at from notification_log
                where member_id = ? order by sent_at desc, event_id""",
                (rs, n) -> new Notice(
                        rs.getString(1),
                        NoticeKind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        Outcome.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()),
                memberId);
    }

    private Optional<String> phoneOf(UUID memberId) {
        Optional<String> contact =
                jdbc
                        .queryForList("select phone from member_contact where member_id = ?", String.class, memberId)
                        .stream()
                        .findFirst();
        if (contact.isPresent()) {
            return contact;
        }
        return accounts.of(memberId).map(BankAccounts.MemberAccount::phone).filter(p -> p != null && !p.isBlank());
    }

    /** 2025年3月1日. */
    static String day(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** The last four digits of a card number, masked or not. */
    static String last4(String number) {
        return number == null || number.length() < 4 ? "****" : number.substring(number.length() - 4);
    }
}
