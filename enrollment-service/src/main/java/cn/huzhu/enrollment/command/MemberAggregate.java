package cn.huzhu.enrollment.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
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

    static final String MEMBER_PAYS = "MEMBER";
    static final String UNIT_PAYS = "UNIT";

    @AggregateIdentifier
    private String memberId;
    private String unitId;
    private String district;
    private MemberProfile profile;
    private final List<HeldEnrollment> held = new ArrayList<>();

    protected MemberAggregate() {
    }

    MemberAggregate(String memberId, IdNumber idNumber, RegisterMemberCommand command, String district) {
        apply(new MemberRegisteredEvent(memberId, idNumber.value(), command.name().strip(), blankToNull(command.phone()),
                command.unitId(), district, command.category(), idNumber.gender(), idNumber.birthDate(),
                command.serviceCard(), command.realNameVerified(), command.today(), command.hardship(), command.modelWorker()));
    }

    @CommandHandler
    public EnrollmentResult handle(EnrollMemberCommand command, PlanCatalog catalog) {
        return enrol(command, catalog);
    }

    /** Decides and records an enrolment (and the gifts it earns); refusals throw before anything is applied. */
    EnrollmentResult enrol(EnrollMemberCommand command, PlanCatalog catalog) {
        EnrollmentPolicy.Decision decision = preview(command, catalog);
        apply(enrolled(command.enrollmentId(), decision, false, null));

        List<String> gifts = new ArrayList<>();
        for (PlanVersion.Gift gift : decision.plan().gifts()) {
            if (!gift.inCampaign(decision.applicationDate()) || !gift.requires().stream().allMatch(profile::meets)) {
                continue;
            }
            EnrollmentPolicy.Decision giftDecision;
            try {
                giftDecision = EnrollmentPolicy.decide(catalog, profile, List.copyOf(held),
                        new EnrollmentPolicy.Request(gift.giftPlanId(), gift.shares(), gift.termYears(), decision.coverageStart(), gift.payer(), true, null),
                        command.today());
            } catch (EnrollmentRefusedException refused) {
                // The member cannot take the gift (e.g. already holds the most shares allowed): the paid enrolment stands alone.
                continue;
            }
            String giftId = giftEnrollmentId(command.enrollmentId(), gift.giftPlanId());
            apply(enrolled(giftId, giftDecision, true, command.enrollmentId()));
            gifts.add(giftId);
        }
        return new EnrollmentResult(command.enrollmentId(), gifts, decision.premium());
    }

    /** Decides the enrolment without recording it; a refusal throws. */
    EnrollmentPolicy.Decision preview(EnrollMemberCommand command, PlanCatalog catalog) {
        return preview(profile, held, command, catalog);
    }

    static EnrollmentPolicy.Decision preview(MemberProfile profile, List<HeldEnrollment> held, EnrollMemberCommand command, PlanCatalog catalog) {
        return EnrollmentPolicy.decide(catalog, profile, List.copyOf(held),
                new EnrollmentPolicy.Request(command.planId(), command.shares(), command.termYears(), command.effectiveDate(), command.payer(), false,
                        command.unitTerms()),
                command.today());
    }

    /** Whether the member holds an enrolment of the plan that covers the date. */
    boolean holds(String planId, java.time.LocalDate date) {
        return held.stream().anyMatch(h -> h.planId().equals(planId) && h.overlaps(date, date));
    }

    String unitId() {
        return unitId;
    }

    static String giftEnrollmentId(String enrollmentId, String giftPlanId) {
        return UUID.nameUUIDFromBytes(("gift:" + enrollmentId + ":" + giftPlanId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private MemberEnrolledEvent enrolled(String enrollmentId, EnrollmentPolicy.Decision d, boolean gifted, String giftOf) {
        return new MemberEnrolledEvent(enrollmentId, memberId, unitId, district, profile.category(), d.plan().planId(),
                d.plan().version(), d.shares(), d.termYears(), d.premium(), d.funding(), d.coverageStart(), d.coverageEnd(),
                d.waitingPeriodEnd(), d.continuous(), gifted, giftOf, d.migrated(), d.applicationDate(), d.incentives());
    }

    @EventSourcingHandler
    void on(MemberRegisteredEvent event) {
        memberId = event.memberId();
        unitId = event.unitId();
        district = event.district();
        profile = new MemberProfile(event.category(), event.gender(), event.serviceCard(), event.realNameVerified(),
                event.hardship(), event.modelWorker());
    }

    @EventSourcingHandler
    void on(MemberEnrolledEvent event) {
        held.add(new HeldEnrollment(event.enrollmentId(), event.planId(), event.shares(), event.coverageStart(), event.coverageEnd()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
