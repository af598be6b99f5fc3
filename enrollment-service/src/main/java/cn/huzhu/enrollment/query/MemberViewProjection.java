package cn.huzhu.enrollment.query;

import cn.huzhu.axon.ViewWriteBatch;
import cn.huzhu.enrollment.command.member.BankAccountRegisteredEvent;
import cn.huzhu.enrollment.command.member.FundingShare;
import cn.huzhu.enrollment.command.member.FundingStatusSetEvent;
import cn.huzhu.enrollment.command.member.MemberEnrolledEvent;
import cn.huzhu.enrollment.command.member.MemberRegisteredEvent;
import cn.huzhu.enrollment.command.member.PremiumCollectedEvent;
import cn.huzhu.enrollment.command.member.PremiumCollectionFailedEvent;
import cn.huzhu.enrollment.command.unit.PayoutRatioRecordedEvent;
import cn.huzhu.enrollment.command.unit.UnitDuesStatusSetEvent;
import cn.huzhu.enrollment.command.unit.UnitRegisteredEvent;
import cn.huzhu.identity.BankAccountNumber;
import cn.huzhu.identity.IdNumber;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Units, members and enrolments as the REST API shows them. A subscribing processor: the views change in
 * the transaction that stores the events (batched, see {@link ViewWriteBatch}), so a client reads its own writes.
 * Personal data is stored masked.
 */
@Component
@ProcessingGroup("member-views")
public class MemberViewProjection {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public MemberViewProjection(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(UnitRegisteredEvent event) {
        ViewWriteBatch.add(
                jdbc,
                "insert into unit_view (unit_id, name, district, nature, insured_headcount) values (?, ?, ?, ?, ?) on conflict do nothing",
                UUID.fromString(event.unitId().value()),
                event.name(),
                event.district(),
                event.nature().name(),
                event.insuredHeadcount());
    }

    /** An upsert, so it runs at once rather than in the batch (a correction must land after the figure it corrects). */
    @EventHandler
    void on(PayoutRatioRecordedEvent event) {
        if (event.planId() == null) {
            jdbc.update(
                    """
                    insert into unit_payout_ratio_view (unit_id, year, enrolled, payout_ratio, source) values (?, ?, ?, ?, ?)
                    on conflict (unit_id, year) do update set enrolled = excluded.enrolled, payout_ratio = excluded.payout_ratio, source = excluded.source""",
                    UUID.fromString(event.unitId().value()),
                    event.year(),
                    event.enrolled(),
                    event.payoutRatio(),
                    event.source());
            return;
        }
        jdbc.update(
                """
                insert into unit_plan_payout_ratio_view (unit_id, year, plan_id, enrolled, payout_ratio, source) values (?, ?, ?, ?, ?, ?)
                on conflict (unit_id, year, plan_id) do update set enrolled = excluded.enrolled, payout_ratio = excluded.payout_ratio,
                source = excluded.source""",
                UUID.fromString(event.unitId().value()),
                event.year(),
                event.planId().value(),
                event.enrolled(),
                event.payoutRatio(),
                event.source());
    }

    @EventHandler
    void on(MemberRegisteredEvent event) {
        ViewWriteBatch.add(
                jdbc,
                """
                insert into member_view (member_id, unit_id, district, name, id_number_masked, phone_masked, category, gender,
                                         birth_date, service_card, real_name_verified, registered_on, hardship, model_worker,
                                         union_member)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                UUID.fromString(event.memberId().value()),
                UUID.fromString(event.unitId().value()),
                event.district(),
                event.name(),
                IdNumber.mask(event.idNumber()),
                maskPhone(event.phone()),
                event.category().name(),
                event.gender().name(),
                event.birthDate(),
                event.serviceCard(),
                event.realNameVerified(),
                event.registeredOn(),
                event.hardship(),
                event.modelWorker(),
                event.unionMember());
    }

    @EventHandler
    void on(FundingStatusSetEvent e) {
        ViewWriteBatch.add(
                jdbc,
                "update member_view set hardship = ?, model_worker = ?, union_member = ? where member_id = ?",
                e.hardship(),
                e.modelWorker(),
                e.unionMember(),
                UUID.fromString(e.memberId().value()));
    }

    /** At once rather than in the batch: enrolments read it in their own units of work. */
    @EventHandler
    void on(UnitDuesStatusSetEvent e) {
        jdbc.update(
                "update unit_view set dues_paid_in_full = ? where unit_id = ?",
                e.paysDuesInFull(),
                UUID.fromString(e.unitId().value()));
    }

    /**
     * An account in force at once replaces the one in force (and a change still cooling off); one that waits out a cooling-off
     * period is kept as pending, the account in force left as it is until then (read as in force once the day comes; a
     * pending account whose day has come is moved to the account in force when the next change comes).
     */
    @EventHandler
    void on(BankAccountRegisteredEvent e) {
        if (e.inForceFrom().isAfter(e.registeredOn())) {
            ViewWriteBatch.add(
                    jdbc,
                    """
                    update member_view set
                        bank_name = case when pending_bank_effective_on <= ? then pending_bank_name else bank_name end,
                        bank_account_type = case when pending_bank_effective_on <= ? then pending_bank_account_type else bank_account_type end,
                        bank_account_masked = case when pending_bank_effective_on <= ? then pending_bank_account_masked else bank_account_masked end,
                        bank_account_holder = case when pending_bank_effective_on <= ? then pending_bank_account_holder else bank_account_holder end,
                        bank_registered_on = case when pending_bank_effective_on <= ? then pending_bank_registered_on else bank_registered_on end,
                        pending_bank_name = ?, pending_bank_account_type = ?, pending_bank_account_masked = ?,
                        pending_bank_account_holder = ?, pending_bank_registered_on = ?, pending_bank_effective_on = ?
                    where member_id = ?""",
                    e.registeredOn(),
                    e.registeredOn(),
                    e.registeredOn(),
                    e.registeredOn(),
                    e.registeredOn(),
                    e.bankName(),
                    e.accountType().name(),
                    BankAccountNumber.mask(e.accountNumber()),
                    e.holderName(),
                    e.registeredOn(),
                    e.inForceFrom(),
                    UUID.fromString(e.memberId().value()));
        } else {
            ViewWriteBatch.add(
                    jdbc,
                    """
                    update member_view set bank_name = ?, bank_account_type = ?, bank_account_masked = ?, bank_account_holder = ?, bank_registered_on = ?,
                                           pending_bank_name = null, pending_bank_account_type = null, pending_bank_account_masked = null,
                                           pending_bank_account_holder = null, pending_bank_registered_on = null, pending_bank_effective_on = null
                    where member_id = ?""",
                    e.bankName(),
                    e.accountType().name(),
                    BankAccountNumber.mask(e.accountNumber()),
                    e.holderName(),
                    e.registeredOn(),
                    UUID.fromString(e.memberId().value()));
        }
    }

    @EventHandler
    void on(MemberEnrolledEvent e) {
        ViewWriteBatch.add(
                jdbc,
                """
                insert into enrollment_view (enrollment_id, member_id, plan_id, plan_version, shares, term_years, premium, funding,
                                             coverage_start, coverage_end, waiting_period_end, continuous, gifted, gift_of, migrated,
                                             district, category, premium_status, collected_on, collection_reference)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                UUID.fromString(e.enrollmentId().value()),
                UUID.fromString(e.memberId().value()),
                e.planId().value(),
                e.planVersion(),
                e.shares(),
                e.termYears(),
                e.premium(),
                fundingJson(e.funding()),
                e.coverageStart(),
                e.coverageEnd(),
                e.waitingPeriodEnd(),
                e.continuous(),
                e.gifted(),
                e.giftOf() == null ? null : UUID.fromString(e.giftOf()),
                e.migrated(),
                e.district(),
                e.category().name(),
                e.status().name(),
                e.paidOn(),
                e.paymentReference());
    }

    @EventHandler
    void on(PremiumCollectedEvent e) {
        ViewWriteBatch.add(
                jdbc,
                """
                update enrollment_view set premium_status = 'COLLECTED', collected_on = ?, collection_reference = ?, collection_failure = null,
                                           coverage_start = ?, coverage_end = ?, waiting_period_end = ?
                where enrollment_id = ?""",
                e.collectedOn(),
                e.reference(),
                e.coverageStart(),
                e.coverageEnd(),
                e.waitingPeriodEnd(),
                UUID.fromString(e.enrollmentId().value()));
    }

    @EventHandler
    void on(PremiumCollectionFailedEvent e) {
        ViewWriteBatch.add(
                jdbc,
                "update enrollment_view set collection_failure = ? where enrollment_id = ? and premium_status = 'PENDING'",
                e.failedOn() + " " + e.reason(),
                UUID.fromString(e.enrollmentId().value()));
    }

    @QueryHandler
    Optional<UnitView> handle(FindUnitQuery query) {
        return jdbc
                .query(
                        "select * from unit_view where unit_id = ?",
                        (rs, i) -> new UnitView(
                                rs.getString("unit_id"),
                                rs.getString("name"),
                                rs.getString("district"),
                                rs.getString("nature"),
                                rs.getInt("insured_headcount"),
                                rs.getBoolean("dues_paid_in_full")),
                        query.unitId())
                .stream()
                .findFirst();
    }

    /** The member; a pending account whose cooling-off has ended is the account in force. */
    @QueryHandler
    Optional<MemberView> handle(FindMemberQuery query) {
        LocalDate today = LocalDate.now(clock);
        return jdbc
                .query(
                        "select * from member_view where member_id = ?",
                        (rs, i) -> {
                            MemberView.BankAccount inForce = rs.getString("bank_account_masked") == null
                                    ? null
                                    : new MemberView.BankAccount(
                                            rs.getString("bank_name"),
                                            rs.getString("bank_account_type"),
                                            rs.getString("bank_account_masked"),
                                            rs.getString("bank_account_holder"),
                                            rs.getObject("bank_registered_on", LocalDate.class),
                                            rs.getObject("bank_registered_on", LocalDate.class));
                            MemberView.BankAccount pending = rs.getString("pending_bank_account_masked") == null
                                    ? null
                                    : new MemberView.BankAccount(
                                            rs.getString("pending_bank_name"),
                                            rs.getString("pending_bank_account_type"),
                                            rs.getString("pending_bank_account_masked"),
                                            rs.getString("pending_bank_account_holder"),
                                            rs.getObject("pending_bank_registered_on", LocalDate.class),
                                            rs.getObject("pending_bank_effective_on", LocalDate.class));
                            if (pending != null && !pending.effectiveOn().isAfter(today)) {
                                inForce = pending;
                                pending = null;
                            }
                            return new MemberView(
                                    rs.getString("member_id"),
                                    rs.getString("unit_id"),
                                    rs.getString("district"),
                                    rs.getString("name"),
                                    rs.getString("id_number_masked"),
                                    rs.getString("phone_masked"),
                                    rs.getString("category"),
                                    rs.getString("gender"),
                                    rs.getObject("birth_date", LocalDate.class),
                                    rs.getBoolean("service_card"),
                                    rs.getBoolean("real_name_verified"),
                                    rs.getObject("registered_on", LocalDate.class),
                                    rs.getBoolean("hardship"),
                                    rs.getBoolean("model_worker"),
                                    rs.getBoolean("union_member"),
                                    inForce,
                                    pending);
                        },
                        query.memberId())
                .stream()
                .findFirst();
    }

    @QueryHandler
    List<EnrollmentView> handle(FindMemberEnrollmentsQuery query) {
        return jdbc.query(
                "select * from enrollment_view where member_id = ? order by coverage_start, plan_id, gifted",
                EnrollmentView.ROW_MAPPER,
                query.memberId());
    }

    @QueryHandler
    Optional<EnrollmentView> handle(FindEnrollmentQuery query) {
        return jdbc
                .query(
                        "select * from enrollment_view where enrollment_id = ?",
                        EnrollmentView.ROW_MAPPER,
                        query.enrollmentId())
                .stream()
                .findFirst();
    }

    @QueryHandler
    List<EnrollmentView> handle(FindEnrollmentsQuery query) {
        if (query.enrollmentIds().isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                connection -> {
                    var statement =
                            connection.prepareStatement("select * from enrollment_view where enrollment_id = any(?)");
                    statement.setArray(
                            1,
                            connection.createArrayOf(
                                    "uuid", query.enrollmentIds().toArray()));
                    return statement;
                },
                EnrollmentView.ROW_MAPPER);
    }

    @QueryHandler
    List<String> handle(FindUnitMembersQuery query) {
        return jdbc.queryForList(
                "select member_id::text from member_view where unit_id = ? order by member_id",
                String.class,
                query.unitId());
    }

    @QueryHandler
    List<EnrollmentView> handle(FindRenewableEnrollmentsQuery query) {
        return jdbc.query("""
                select e.* from enrollment_view e join member_view m on m.member_id = e.member_id
                where m.unit_id = ? and e.plan_id = ? and not e.gifted and e.premium_status = 'COLLECTED'
                  and e.coverage_start >= make_date(?, 1, 1) and e.coverage_start < make_date(? + 1, 1, 1)
                  and not exists (select 1 from enrollment_view r
                                  where r.member_id = e.member_id and r.plan_id = e.plan_id and r.coverage_start = e.coverage_end + 1)
                order by e.coverage_start, e.member_id""", EnrollmentView.ROW_MAPPER, query.unitId(), query.planId(), query.year(), query.year());
    }

    static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        return phone.length() <= 7
                ? "*".repeat(phone.length())
                : phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    private static String fundingJson(List<FundingShare> funding) {
        return funding.stream()
                .map(f -> "{\"payer\":\"" + f.payer() + "\",\"amount\":\""
                        + f.amount().toPlainString() + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
