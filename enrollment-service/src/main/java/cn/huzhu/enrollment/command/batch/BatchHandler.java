package cn.huzhu.enrollment.command.batch;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.EnrollmentRefusal;
import cn.huzhu.enrollment.command.EnrollmentRefusedException;
import cn.huzhu.enrollment.command.RefusedException;
import cn.huzhu.enrollment.command.UnknownUnitException;
import cn.huzhu.enrollment.command.member.EnrollMemberCommand;
import cn.huzhu.enrollment.command.member.EnrollmentPolicy;
import cn.huzhu.enrollment.command.member.EnrollmentResult;
import cn.huzhu.enrollment.command.member.MemberAggregate;
import cn.huzhu.enrollment.command.member.MemberAlreadyRegisteredException;
import cn.huzhu.enrollment.command.member.MemberRegistrationHandler;
import cn.huzhu.enrollment.command.member.RecordPremiumCollectionCommand;
import cn.huzhu.enrollment.command.member.RegisterMemberCommand;
import cn.huzhu.enrollment.command.plan.PlanCatalog;
import cn.huzhu.enrollment.command.plan.PlanVersion;
import cn.huzhu.enrollment.command.province.ProvinceFunds;
import cn.huzhu.enrollment.command.unit.UnitDirectory;
import cn.huzhu.enrollment.command.unit.UnitIncentivePolicy;
import cn.huzhu.identity.InvalidIdNumberException;
import cn.huzhu.plans.PlanThresholds;
import cn.huzhu.plans.UnitQualification;
import cn.huzhu.vocabulary.UnitId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Batches of registrations and enrolments, each batch in one unit of work: all its events are appended in
 * one transaction, which is what makes bulk loads fast. Each item is decided by the same rules as a single
 * request; a refused item is reported and changes nothing, the others go ahead.
 */
public class BatchHandler {

    private final MemberRegistrationHandler registration;
    private final Repository<MemberAggregate> members;
    private final PlanCatalog catalog;
    private final UnitDirectory units;
    private final ProvinceFunds funds;

    public BatchHandler(
            MemberRegistrationHandler registration,
            Repository<MemberAggregate> members,
            PlanCatalog catalog,
            UnitDirectory units,
            ProvinceFunds funds) {
        this.registration = registration;
        this.members = members;
        this.catalog = catalog;
        this.units = units;
        this.funds = funds;
    }

    @CommandHandler
    public List<BatchItemResult> handle(RegisterMembersCommand command) throws Exception {
        List<BatchItemResult> results = new ArrayList<>(command.items().size());
        Set<String> registered = new HashSet<>();
        for (int i = 0; i < command.items().size(); i++) {
            try {
                String memberId = registration.register(command.items().get(i), registered);
                registered.add(memberId);
                results.add(BatchItemResult.done(i, memberId, List.of()));
            } catch (InvalidIdNumberException e) {
                results.add(BatchItemResult.refused(i, null, "INVALID_ID_NUMBER", "idNumber", e.getMessage()));
            } catch (UnknownUnitException e) {
                results.add(BatchItemResult.refused(i, null, "UNKNOWN_UNIT", "unitId", e.getMessage()));
            } catch (MemberAlreadyRegisteredException e) {
                results.add(BatchItemResult.refused(i, e.memberId(), "MEMBER_EXISTS", "idNumber", e.getMessage()));
            } catch (RefusedException e) {
                results.add(BatchItemResult.refused(i, null, e.code(), e.field(), e.getMessage()));
            }
        }
        return results;
    }

    @CommandHandler
    public List<ProcessEnrollmentBatchCommand.RowResult> handle(ProcessEnrollmentBatchCommand command)
            throws Exception {
        List<ProcessEnrollmentBatchCommand.RowResult> results =
                new ArrayList<>(command.rows().size());
        Set<String> registered = new HashSet<>();
        for (ProcessEnrollmentBatchCommand.Row row : command.rows()) {
            results.add(process(row, command.district(), command.today(), registered));
        }
        return results;
    }

    private ProcessEnrollmentBatchCommand.RowResult process(
            ProcessEnrollmentBatchCommand.Row row, String district, LocalDate today, Set<String> registered)
            throws Exception {
        String unitDistrict = units.districtOf(row.unitId()).orElse(null);
        if (unitDistrict == null) {
            return refused(row, null, "UNKNOWN_UNIT", "There is no unit " + row.unitId());
        }
        if (!unitDistrict.equals(district)) {
            return refused(
                    row, null, "UNIT_NOT_IN_DISTRICT", "The unit belongs to " + unitDistrict + ", not to " + district);
        }
        String memberId;
        try {
            memberId = registration.register(
                    new RegisterMemberCommand(
                            row.idNumber(),
                            row.name(),
                            row.phone(),
                            new UnitId(row.unitId()),
                            row.category(),
                            row.serviceCard(),
                            row.realNameVerified(),
                            false,
                            false,
                            false,
                            today,
                            new Actor("office:" + district, java.util.Set.of(Actor.Capacity.REGIONAL_OFFICE), null)),
                    registered);
            registered.add(memberId);
        } catch (MemberAlreadyRegisteredException e) {
            memberId = e.memberId();
        } catch (InvalidIdNumberException e) {
            return refused(row, null, "INVALID_ID_NUMBER", e.getMessage());
        } catch (IllegalArgumentException e) {
            return refused(row, null, "INVALID_ROW", e.getMessage());
        }
        EnrollMemberCommand enrol = new EnrollMemberCommand(
                memberId,
                UUID.randomUUID().toString(),
                row.planId(),
                row.shares(),
                row.termYears(),
                row.effectiveDate(),
                today);
        try {
            EnrollmentResult result = members.load(memberId).invoke(member -> {
                member.reachableBy(district, row.unitId());
                return member.enrol(enrol, catalog, funds);
            });
            return new ProcessEnrollmentBatchCommand.RowResult(
                    row.rowNo(), true, memberId, result.enrollmentId(), null, null);
        } catch (EnrollmentRefusedException e) {
            return refused(row, memberId, e.code(), e.getMessage());
        }
    }

    private static ProcessEnrollmentBatchCommand.RowResult refused(
            ProcessEnrollmentBatchCommand.Row row, String memberId, String code, String message) {
        return new ProcessEnrollmentBatchCommand.RowResult(row.rowNo(), false, memberId, null, code, message);
    }

    /**
     * The union's gift to a qualifying unit: refused whole when the unit does not qualify; otherwise every member
     * gets a gifted share, except those the plan's rules refuse (e.g. already holding it), which are answered
     * with the reason. A gift repeated for the same year finds everyone covered and changes nothing.
     */
    @CommandHandler
    public List<BatchItemResult> handle(GiftUnitMembersCommand command) {
        EnrollmentPolicy.checkStart(command.effectiveDate(), null, false, command.today());
        PlanVersion plan = catalog.inForceOn(command.planId().value(), command.effectiveDate());
        UnitQualification rule = PlanThresholds.of(plan.definitionJson(), PlanThresholds.Kind.GIFT)
                .orElseThrow(() -> new EnrollmentRefusedException(
                        EnrollmentRefusal.NO_GIFT_RULE,
                        "planId",
                        "Plan " + plan.planId() + " is not given to units as a gift"));
        UnitDirectory.UnitFacts unit = units.find(command.unitId().value())
                .orElseThrow(() -> new UnknownUnitException(command.unitId().value()));
        if (!rule.admitsUnit(unit.district(), unit.nature().name())) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.UNIT_NOT_QUALIFIED,
                    "unitId",
                    "The gift is for units of " + rule.districts() + " or of " + rule.natures() + "; this unit is of "
                            + unit.district() + ", " + unit.nature());
        }
        int basis = command.year() - rule.yearsBack();
        String figuresOf = plan.giftRule() == null ? null : plan.giftRule().figuresOfPlan();
        UnitIncentivePolicy.PayoutRecord record = units.payoutRecord(
                        command.unitId().value(), basis, figuresOf)
                .orElseThrow(() -> new EnrollmentRefusedException(
                        EnrollmentRefusal.UNIT_NOT_QUALIFIED,
                        "unitId",
                        "No enrolment and payout ratio of " + basis + (figuresOf == null ? "" : " in " + figuresOf)
                                + " is recorded for the unit"));
        if (!rule.admits(record.enrolled(), record.payoutRatio())) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.UNIT_NOT_QUALIFIED,
                    "unitId",
                    "The gift needs " + rule + "; in " + basis + " the unit had " + record.enrolled()
                            + " enrolled and a ratio of " + record.payoutRatio().toPlainString());
        }
        List<BatchItemResult> results = new ArrayList<>(command.memberIds().size());
        for (int i = 0; i < command.memberIds().size(); i++) {
            String memberId = command.memberIds().get(i);
            String enrollmentId = UUID.nameUUIDFromBytes(
                            ("unit-gift:" + plan.planId() + ":" + command.year() + ":" + memberId)
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toString();
            try {
                EnrollmentResult result = members.load(memberId)
                        .invoke(member -> member.gift(
                                enrollmentId, plan.planId(), command.effectiveDate(), command.today(), catalog));
                results.add(BatchItemResult.done(i, result.enrollmentId(), List.of()));
            } catch (EnrollmentRefusedException e) {
                results.add(BatchItemResult.refused(i, memberId, e.code(), e.field(), e.getMessage()));
            }
        }
        return results;
    }

    @CommandHandler
    public List<BatchItemResult> handle(EnrollMembersCommand command) {
        List<BatchItemResult> results = new ArrayList<>(command.items().size());
        for (int i = 0; i < command.items().size(); i++) {
            EnrollMemberCommand item = command.items().get(i);
            try {
                EnrollmentResult result =
                        members.load(item.memberId().value()).invoke(member -> member.enrol(item, catalog, funds));
                results.add(BatchItemResult.done(i, result.enrollmentId(), result.giftEnrollmentIds()));
            } catch (EnrollmentRefusedException e) {
                results.add(BatchItemResult.refused(i, null, e.code(), e.field(), e.getMessage()));
            } catch (AggregateNotFoundException e) {
                results.add(BatchItemResult.refused(i, null, "UNKNOWN_MEMBER", "memberId", "There is no such member"));
            }
        }
        return results;
    }

    /**
     * Collection results, each decided by the member's aggregate as a single one is: a result already recorded is
     * accepted again and changes nothing, a refused one is answered with its code and changes nothing.
     */
    @CommandHandler
    public List<BatchItemResult> handle(RecordPremiumCollectionsCommand command) {
        List<BatchItemResult> results = new ArrayList<>(command.items().size());
        for (int i = 0; i < command.items().size(); i++) {
            RecordPremiumCollectionCommand item = command.items().get(i);
            String enrollmentId = item.enrollmentId().value();
            try {
                members.load(item.memberId().value()).execute(member -> member.collect(item, catalog));
                results.add(BatchItemResult.done(i, enrollmentId, List.of()));
            } catch (EnrollmentRefusedException e) {
                results.add(BatchItemResult.refused(i, enrollmentId, e.code(), e.field(), e.getMessage()));
            } catch (AggregateNotFoundException e) {
                results.add(BatchItemResult.refused(
                        i, enrollmentId, "UNKNOWN_ENROLLMENT", "enrollmentId", "There is no such enrolment"));
            }
        }
        return results;
    }
}
