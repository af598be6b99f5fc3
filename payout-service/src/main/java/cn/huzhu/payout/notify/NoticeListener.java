package cn.huzhu.payout.notify;

import static cn.huzhu.payout.notify.MemberNotices.day;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.claims.ClaimApproved;
import cn.huzhu.contracts.claims.ClaimReferredForReview;
import cn.huzhu.contracts.claims.ClaimRejected;
import cn.huzhu.contracts.enrollment.Funding;
import cn.huzhu.contracts.enrollment.MemberContactRegistered;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.PlanVersionPublished;
import cn.huzhu.contracts.enrollment.PremiumCollected;
import cn.huzhu.contracts.enrollment.PremiumCollectionFailed;
import cn.huzhu.vocabulary.BusinessZone;
import cn.huzhu.vocabulary.Money;
import cn.huzhu.vocabulary.Payer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices of what happens to a member elsewhere: their enrolment accepted, its premium collected or not, their claim
 * waiting for review or decided; and what the notices need to be written and sent: the members' phones (a topic only this service reads), the
 * plans' names, the enrolments the renewal reminders look at. One record at a time, in one transaction with its notice row,
 * so a record delivered again sends nothing; a record that cannot be read goes to the dead-letter topic.
 */
@Component
public class NoticeListener {

    /** The listener's consumer group, as its dead letters name it. */
    public static final String GROUP = "payout-notices";

    private final MemberNotices notices;
    private final JdbcTemplate jdbc;

    public NoticeListener(MemberNotices notices, JdbcTemplate jdbc) {
        this.notices = notices;
        this.jdbc = jdbc;
    }

    @KafkaListener(
            id = GROUP,
            topics = {Topics.CONTACTS, Topics.PLANS, Topics.MEMBERS, Topics.CLAIMS})
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        SpecificRecord event = EventCodec.contracts().decode(record.value());
        if (event instanceof MemberContactRegistered e) {
            notices.contactArrived(e);
        } else if (event instanceof PlanVersionPublished e) {
            jdbc.update(
                    "insert into notice_plan (plan_id, name) values (?, ?) on conflict (plan_id) do update set name = excluded.name",
                    e.getPlanId(),
                    e.getName());
        } else if (event instanceof MemberEnrolled e) {
            enrolled(e);
        } else if (event instanceof PremiumCollected e) {
            collected(e);
        } else if (event instanceof PremiumCollectionFailed e) {
            notices.tell(
                    e.getEventId().toString(),
                    e.getMemberId(),
                    NoticeKind.PREMIUM_COLLECTION_FAILED,
                    Map.of(
                            "plan",
                            notices.planName(e.getPlanId()),
                            "date",
                            day(e.getFailedOn()),
                            "reason",
                            collectionFailure(e.getReason()),
                            "advice",
                            collectionAdvice(e.getReason())));
        } else if (event instanceof ClaimApproved e) {
            notices.tell(
                    e.getEventId().toString(),
                    e.getMemberId(),
                    NoticeKind.CLAIM_APPROVED,
                    Map.of(
                            "date",
                            day(submitted(e.getSubmittedOn(), e.getDecidedOn())),
                            "total",
                            Money.text(e.getTotal()),
                            "howPaid",
                            e.getHospitalSettlement() != null ? "已在就诊结算时直接抵付" : "将汇入您登记的银行卡"));
        } else if (event instanceof ClaimReferredForReview e) {
            LocalDate submitted = e.getSubmittedOn() != null
                    ? e.getSubmittedOn()
                    : LocalDate.ofInstant(e.getOccurredAt(), BusinessZone.ZONE);
            notices.tell(
                    e.getEventId().toString(),
                    e.getMemberId(),
                    NoticeKind.CLAIM_IN_REVIEW,
                    Map.of("date", day(submitted)));
        } else if (event instanceof ClaimRejected e) {
            notices.tell(
                    e.getEventId().toString(),
                    e.getMemberId(),
                    NoticeKind.CLAIM_REJECTED,
                    Map.of(
                            "date",
                            day(submitted(e.getSubmittedOn(), e.getDecidedOn())),
                            "reason",
                            ClaimReasons.plainWords(e.getCode())));
        }
        // other records of these topics (a member registered, a claim revoked, ...) tell the member nothing
    }

    private void enrolled(MemberEnrolled e) {
        boolean paid = "COLLECTED".equals(e.getPremiumStatus());
        jdbc.update(
                """
                insert into notice_enrolment (enrollment_id, member_id, plan_id, coverage_start, coverage_end, paid) values (?, ?, ?, ?, ?, ?)
                on conflict (enrollment_id) do nothing""",
                e.getEnrollmentId(),
                e.getMemberId(),
                e.getPlanId(),
                e.getCoverageStart(),
                e.getCoverageEnd(),
                paid);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("plan", notices.planName(e.getPlanId()));
        values.put("shares", String.valueOf(e.getShares()));
        values.put("start", day(e.getCoverageStart()));
        values.put("end", day(e.getCoverageEnd()));
        values.put("premium", Money.text(e.getPremium()));
        values.put("payers", payers(e));
        values.put("state", paid ? "保障已生效。" : "缴费后保障生效。");
        notices.tell(e.getEventId().toString(), e.getMemberId(), NoticeKind.ENROLLED, values);
    }

    private void collected(PremiumCollected e) {
        jdbc.update(
                "update notice_enrolment set paid = true, coverage_start = ?, coverage_end = ? where enrollment_id = ?",
                e.getCoverageStart(),
                e.getCoverageEnd(),
                e.getEnrollmentId());
        notices.tell(
                e.getEventId().toString(),
                e.getMemberId(),
                NoticeKind.PREMIUM_COLLECTED,
                Map.of(
                        "plan",
                        notices.planName(e.getPlanId()),
                        "amount",
                        Money.text(e.getAmount()),
                        "date",
                        day(e.getCollectedOn()),
                        "start",
                        day(e.getCoverageStart()),
                        "end",
                        day(e.getCoverageEnd())));
    }

    /** 单位缴纳48.00元、本人缴纳12.00元; 由工会赠送 for a gift. */
    private static String payers(MemberEnrolled e) {
        if (e.getGifted()) {
            return "由工会赠送";
        }
        if (e.getFunding().isEmpty()) {
            return "本人缴纳";
        }
        return e.getFunding().stream()
                .filter(f -> f.getAmount().signum() > 0)
                .map(f -> payer(f) + "缴纳" + Money.text(f.getAmount()) + "元")
                .collect(Collectors.joining("、"));
    }

    private static String payer(Funding f) {
        return Payer.named(f.getPayer())
                .map(p -> switch (p) {
                    case MEMBER -> "本人";
                    case UNIT -> "单位";
                    case UNION -> "工会";
                    case PROVINCE -> "省总工会";
                })
                .orElse("其他");
    }

    private static LocalDate submitted(LocalDate submittedOn, LocalDate decidedOn) {
        return submittedOn != null ? submittedOn : decidedOn;
    }

    static String collectionFailure(String reason) {
        return switch (reason == null ? "" : reason) {
            case "INSUFFICIENT_FUNDS" -> "账户余额不足";
            case "ACCOUNT_CLOSED" -> "账户已销户";
            case "ACCOUNT_FROZEN" -> "账户已冻结";
            case "NO_AUTHORISATION", "NO_AUTHORIZATION" -> "未签订代扣协议";
            default -> "银行未能扣款";
        };
    }

    static String collectionAdvice(String reason) {
        return switch (reason == null ? "" : reason) {
            case "INSUFFICIENT_FUNDS" -> "在银行卡中存足互助金后等待再次扣款";
            case "ACCOUNT_CLOSED", "ACCOUNT_FROZEN" -> "到所在工会更换扣款银行卡";
            default -> "确认银行卡状态";
        };
    }
}
