package cn.huzhu.enrollment.command.member;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.EnrollmentRefusal;
import cn.huzhu.enrollment.command.EnrollmentRefusedException;
import cn.huzhu.enrollment.command.NotEntitledException;
import cn.huzhu.enrollment.command.plan.PlanCatalog;
import cn.huzhu.enrollment.command.plan.PlanVersion;
import cn.huzhu.enrollment.command.province.ProvinceFunds;
import cn.huzhu.identity.IdNumber;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.UnitId;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member and the enrolments they hold. The member is the consistency boundary of enrolment: shares
 * held, continuity and gifts are decided against all of the member's enrolments at once.
 */
@Aggregate(cache = "memberCache")
public class MemberAggregate {

    static final String REGISTERS_ONLY =
            "Hardship, model-worker and union-member status come from the union's registers: a district officer or the scheme"
                    + " administrator sets them";

    @AggregateIdentifier
    private String memberId;

    private String unitId;
    private String district;
    private MemberProfile profile;
    private String phone;
    private String profileName;
    private BankAccountRegisteredEvent bankAccount;
    private final List<HeldEnrollment> held = new ArrayList<>();
    /** Enrolments whose premium is still to be collected, and the failed attempts seen (by reference). */
    private final java.util.Map<String, MemberEnrolledEvent> pending = new java.util.HashMap<>();

    private final java.util.Map<String, String> collectedBy = new java.util.HashMap<>();
    private final java.util.Set<String> failedReferences = new java.util.HashSet<>();

    protected MemberAggregate() {}

    MemberAggregate(String memberId, IdNumber idNumber, RegisterMemberCommand command, String district) {
        apply(new MemberRegisteredEvent(
                new MemberId(memberId),
                idNumber.value(),
                command.name().strip(),
                blankToNull(command.phone()),
                command.unitId(),
                district,
                command.category(),
                idNumber.gender(),
                idNumber.birthDate(),
                command.serviceCard(),
                command.realNameVerified(),
                command.today(),
                command.hardship(),
                command.modelWorker(),
                command.unionMember()));
    }

    @CommandHandler
    public EnrollmentResult handle(EnrollMemberCommand command, PlanCatalog catalog, ProvinceFunds funds) {
        return enrol(command, catalog, funds);
    }

    /**
     * Decides and records an enrolment, and the gifts it earns once it is in force (at once when nobody owes its premium,
     * else when the premium is collected); refusals throw before anything is applied. The province's money is taken from
     * the city's quota with it; when the quota is spent, the payer bears the whole premium.
     */
    public EnrollmentResult enrol(EnrollMemberCommand command, PlanCatalog catalog, ProvinceFunds funds) {
        EnrollmentPolicy.Request request = request(command, () -> funds.unitPaysDuesInFull(unitId));
        EnrollmentPolicy.Decision decision =
                EnrollmentPolicy.decide(catalog, profile, List.copyOf(held), request, command.today());
        if (decision.takesProvinceQuota()
                && !funds.take(
                        decision.plan().planId(),
                        decision.coverageStart().getYear(),
                        district,
                        decision.provinceGroup(),
                        command.enrollmentId().value(),
                        memberId,
                        decision.provinceAmount())) {
            decision =
                    EnrollmentPolicy.decide(catalog, profile, List.copyOf(held), request.quotaSpent(), command.today());
        }
        MemberEnrolledEvent enrolled = enrolled(command.enrollmentId().value(), decision, false, null);
        apply(enrolled);
        List<String> gifts = enrolled.status() == PremiumStatus.COLLECTED
                ? giveGifts(enrolled, decision.plan(), decision.coverageStart(), command.today(), catalog)
                : List.of();
        return new EnrollmentResult(command.enrollmentId().value(), gifts, decision.premium(), enrolled.payerAmount());
    }

    /**
     * The gifts an enrolment in force earns (Ningbo: a special-disease share for a verified card holder), starting with it.
     * A gift the member cannot take (e.g. already holding the most shares allowed) is left out: the enrolment stands alone.
     */
    private List<String> giveGifts(
            MemberEnrolledEvent earnedBy, PlanVersion plan, LocalDate start, LocalDate today, PlanCatalog catalog) {
        List<String> gifts = new ArrayList<>();
        for (PlanVersion.Gift gift : plan.gifts()) {
            if (!gift.inCampaign(earnedBy.applicationDate())
                    || !gift.requires().stream().allMatch(profile::meets)) {
                continue;
            }
            EnrollmentPolicy.Decision giftDecision;
            try {
                giftDecision = EnrollmentPolicy.decide(
                        catalog,
                        profile,
                        List.copyOf(held),
                        EnrollmentPolicy.Request.gift(
                                gift.giftPlanId(),
                                gift.shares(),
                                gift.termYears(),
                                start,
                                gift.payer(),
                                earnedBy.migration(),
                                true),
                        today);
            } catch (EnrollmentRefusedException refused) {
                continue;
            }
            String giftId = giftEnrollmentId(earnedBy.enrollmentId().value(), gift.giftPlanId());
            apply(enrolled(giftId, giftDecision, true, earnedBy.enrollmentId().value()));
            gifts.add(giftId);
        }
        return gifts;
    }

    /**
     * A share of a plan given by the union to a worker of a qualifying unit (Huzhou's major-disease gift):
     * decided by the plan's rules outside its window, paid by the union, recorded as a gift.
     */
    public EnrollmentResult gift(
            String enrollmentId, String planId, LocalDate effectiveDate, LocalDate today, PlanCatalog catalog) {
        EnrollmentPolicy.Decision decision = EnrollmentPolicy.decide(
                catalog,
                profile,
                List.copyOf(held),
                EnrollmentPolicy.Request.gift(planId, 1, null, effectiveDate, PlanVersion.GiftRule.PAYER, null, false),
                today);
        MemberEnrolledEvent enrolled = enrolled(enrollmentId, decision, true, null);
        apply(enrolled);
        return new EnrollmentResult(enrollmentId, List.of(), decision.premium(), enrolled.payerAmount());
    }

    /** Decides the enrolment without recording it; a refusal throws. */
    public EnrollmentPolicy.Decision preview(EnrollMemberCommand command, PlanCatalog catalog) {
        return preview(profile, held, command, catalog);
    }

    public static EnrollmentPolicy.Decision preview(
            MemberProfile profile, List<HeldEnrollment> held, EnrollMemberCommand command, PlanCatalog catalog) {
        return EnrollmentPolicy.decide(catalog, profile, List.copyOf(held), request(command, null), command.today());
    }

    private static EnrollmentPolicy.Request request(
            EnrollMemberCommand command, java.util.function.BooleanSupplier unitPaysDues) {
        return new EnrollmentPolicy.Request(
                command.planId().value(),
                command.shares(),
                command.termYears(),
                command.effectiveDate(),
                command.payer(),
                false,
                command.unitTerms(),
                command.migration(),
                false,
                unitPaysDues,
                false);
    }

    /** Whether the member holds an enrolment of the plan that covers part of the period. */
    public boolean holds(String planId, LocalDate from, LocalDate to) {
        return held.stream().anyMatch(h -> h.planId().equals(planId) && h.overlaps(from, to));
    }

    public String unitId() {
        return unitId;
    }

    /**
     * A district office's row reaches a member of its own district, registered with the unit the row names (as a unit's
     * roster does); a member of another district or unit is refused.
     */
    public void reachableBy(String officeDistrict, String rowUnitId) {
        if (!officeDistrict.equals(district)) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.MEMBER_IN_OTHER_DISTRICT,
                    "idNumber",
                    "The member is registered in another district");
        }
        if (!unitId.equals(rowUnitId)) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.MEMBER_IN_OTHER_UNIT, "idNumber", "The member is registered with another unit");
        }
    }

    static String giftEnrollmentId(String enrollmentId, String giftPlanId) {
        return UUID.nameUUIDFromBytes(("gift:" + enrollmentId + ":" + giftPlanId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * A new enrolment is pending while its member or unit has a part of the premium to pay; gifts, migrated
     * enrolments and those paid wholly by the province or union are collected from the start.
     */
    private MemberEnrolledEvent enrolled(
            String enrollmentId, EnrollmentPolicy.Decision d, boolean gifted, String giftOf) {
        boolean payerOwes = d.funding().stream()
                .anyMatch(f -> f.payer().buysCover() && f.amount().signum() > 0);
        PremiumStatus status = !gifted && !d.migrated() && payerOwes ? PremiumStatus.PENDING : PremiumStatus.COLLECTED;
        return new MemberEnrolledEvent(
                new EnrollmentId(enrollmentId),
                new MemberId(memberId),
                new UnitId(unitId),
                district,
                profile.category(),
                new PlanId(d.plan().planId()),
                d.plan().version(),
                d.shares(),
                d.termYears(),
                d.premium(),
                d.funding(),
                d.coverageStart(),
                d.coverageEnd(),
                d.waitingPeriodEnd(),
                d.continuous(),
                gifted,
                giftOf,
                d.migrated(),
                d.applicationDate(),
                d.incentives(),
                status,
                d.migrated() ? d.migration().paidOn() : null,
                d.migrated() ? d.migration().reference() : null);
    }

    @CommandHandler
    public PremiumStatus handle(RecordPremiumCollectionCommand command, PlanCatalog catalog) {
        return collect(command, catalog);
    }

    /**
     * Records a collection result, which finance alone records, for a payment made between the application and today.
     * Collected: the enrolment is in force from the start asked for or, when the premium came later, from the day it
     * came (no cover for days before the money: a term then runs from that day, a fixed or annual period keeps its end).
     * Failed: it stays pending. A result already recorded changes nothing; another result for a collected enrolment is
     * refused.
     */
    public PremiumStatus collect(RecordPremiumCollectionCommand command, PlanCatalog catalog) {
        if (!command.recordedBy().actsAs(Actor.Capacity.FINANCE)) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.FINANCE_ONLY,
                    "reference",
                    "Premium payments are recorded by finance, with the bank's reference");
        }
        if (command.on().isAfter(command.today())) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.PAID_IN_FUTURE,
                    "on",
                    "A payment is recorded on or after the day it was made, not before");
        }
        String enrollmentId = command.enrollmentId().value();
        if (collectedBy.containsKey(enrollmentId)) {
            if (command.succeeded() && command.reference().equals(collectedBy.get(enrollmentId))) {
                return PremiumStatus.COLLECTED;
            }
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.ALREADY_COLLECTED,
                    "enrollmentId",
                    "The premium of this enrolment is already collected");
        }
        MemberEnrolledEvent enrolment = pending.get(enrollmentId);
        if (enrolment == null) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.UNKNOWN_ENROLLMENT,
                    "enrollmentId",
                    "The member has no enrolment " + enrollmentId);
        }
        if (enrolment.applicationDate() != null && command.on().isBefore(enrolment.applicationDate())) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.PAID_BEFORE_APPLICATION,
                    "on",
                    "The enrolment was applied for on " + enrolment.applicationDate()
                            + "; its premium cannot have been paid before that");
        }
        if (!command.succeeded()) {
            if (!failedReferences.contains(command.reference())) {
                apply(new PremiumCollectionFailedEvent(
                        new EnrollmentId(enrollmentId),
                        new MemberId(memberId),
                        district,
                        enrolment.planId(),
                        command.method(),
                        command.reference(),
                        command.reason(),
                        command.on(),
                        command.recordedBy()));
            }
            return PremiumStatus.PENDING;
        }
        LocalDate start = enrolment.coverageStart();
        LocalDate end = enrolment.coverageEnd();
        LocalDate waitingEnd = enrolment.waitingPeriodEnd();
        PlanVersion plan = catalog.versionOn(enrolment.planId().value(), enrolment.coverageStart())
                .orElseThrow();
        LocalDate deadline = plan.coverage().premiumsUntil();
        if (deadline != null && command.on().isAfter(deadline)) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.PREMIUM_AFTER_DEADLINE,
                    "on",
                    "Plan " + enrolment.planId() + " takes premiums until " + deadline + "; this one came on "
                            + command.on());
        }
        if (command.on().isAfter(start)) {
            long waitingDays = java.time.temporal.ChronoUnit.DAYS.between(start, waitingEnd);
            start = command.on();
            if (plan.coverage().type() == PlanVersion.CoverageType.TERM) {
                end = EnrollmentPolicy.coverageEnd(plan, start, enrolment.termYears());
            } else if (start.isAfter(end)) {
                throw new EnrollmentRefusedException(
                        EnrollmentRefusal.COVERAGE_PERIOD_OVER,
                        "on",
                        "The coverage period of " + enrolment.planId() + " ended on " + end
                                + ", before the premium came");
            }
            waitingEnd = start.plusDays(waitingDays);
        }
        apply(new PremiumCollectedEvent(
                new EnrollmentId(enrollmentId),
                new MemberId(memberId),
                new UnitId(unitId),
                district,
                enrolment.planId(),
                command.method(),
                command.reference(),
                enrolment.payerAmount(),
                command.on(),
                start,
                end,
                waitingEnd,
                command.recordedBy()));
        giveGifts(
                enrolment,
                catalog.versionOn(enrolment.planId().value(), enrolment.coverageStart())
                        .orElseThrow(),
                start,
                command.today(),
                catalog);
        return PremiumStatus.COLLECTED;
    }

    /**
     * Records the account benefits are paid to. The holder must be the member (a transfer to another person's account is
     * refused by the banks and opens a door to fraud). The member's own change is in force at once; a change by anyone
     * else (a unit clerk, an administrator) only after the cooling-off period, so that the member, who is told, can stop a
     * change they did not make before money goes there. The same account again changes nothing, unless the member confirms
     * a change still cooling off.
     */
    @CommandHandler
    public String handle(RegisterBankAccountCommand command) {
        String holder = command.holderName().strip();
        if (!holder.equals(profileName)) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.HOLDER_NOT_MEMBER, "holderName", "The account must be held by the member");
        }
        boolean byMember = command.changedBy().is(memberId);
        boolean same = bankAccount != null
                && bankAccount.accountNumber().equals(command.number().value())
                && bankAccount.accountType() == command.number().type()
                && bankAccount.bankName().equals(command.bankName().strip());
        if (same && (!byMember || !bankAccount.inForceFrom().isAfter(command.today()))) {
            return memberId;
        }
        LocalDate effectiveOn = byMember ? command.today() : command.today().plusDays(command.coolingOffDays());
        apply(new BankAccountRegisteredEvent(
                new MemberId(memberId),
                district,
                command.bankName().strip(),
                command.number().type(),
                command.number().value(),
                holder,
                phone,
                command.today(),
                effectiveOn,
                command.changedBy()));
        return memberId;
    }

    /** Records the member's status from the union's registers; the enrolments decided after it are funded by it. */
    @CommandHandler
    public void handle(SetFundingStatusCommand command) {
        if (!command.setBy().keepsTheRegisters()) {
            throw new NotEntitledException("hardship", REGISTERS_ONLY);
        }
        boolean unionMember = command.unionMember() == null ? profile.unionMember() : command.unionMember();
        if (profile.hardship() != command.hardship()
                || profile.modelWorker() != command.modelWorker()
                || profile.unionMember() != unionMember) {
            apply(new FundingStatusSetEvent(
                    new MemberId(memberId),
                    command.hardship(),
                    command.modelWorker(),
                    command.setBy(),
                    command.today(),
                    unionMember));
        }
    }

    @EventSourcingHandler
    void on(FundingStatusSetEvent event) {
        profile = new MemberProfile(
                profile.category(),
                profile.gender(),
                profile.serviceCard(),
                profile.realNameVerified(),
                event.hardship(),
                event.modelWorker(),
                event.unionMember());
    }

    @EventSourcingHandler
    void on(BankAccountRegisteredEvent event) {
        bankAccount = event;
    }

    @EventSourcingHandler
    void on(MemberRegisteredEvent event) {
        phone = event.phone();
        profileName = event.name();
        memberId = event.memberId().value();
        unitId = event.unitId().value();
        district = event.district();
        profile = new MemberProfile(
                event.category(),
                event.gender(),
                event.serviceCard(),
                event.realNameVerified(),
                event.hardship(),
                event.modelWorker(),
                event.unionMember());
    }

    @EventSourcingHandler
    void on(MemberEnrolledEvent event) {
        held.add(new HeldEnrollment(
                event.enrollmentId().value(),
                event.planId().value(),
                event.shares(),
                event.coverageStart(),
                event.coverageEnd(),
                event.status() == PremiumStatus.COLLECTED));
        if (event.status() == PremiumStatus.PENDING) {
            pending.put(event.enrollmentId().value(), event);
        } else {
            collectedBy.put(event.enrollmentId().value(), "");
        }
    }

    @EventSourcingHandler
    void on(PremiumCollectedEvent event) {
        pending.remove(event.enrollmentId().value());
        collectedBy.put(event.enrollmentId().value(), event.reference());
        held.replaceAll(h -> h.enrollmentId().equals(event.enrollmentId().value())
                ? new HeldEnrollment(
                        h.enrollmentId(), h.planId(), h.shares(), event.coverageStart(), event.coverageEnd(), true)
                : h);
    }

    @EventSourcingHandler
    void on(PremiumCollectionFailedEvent event) {
        failedReferences.add(event.reference());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
