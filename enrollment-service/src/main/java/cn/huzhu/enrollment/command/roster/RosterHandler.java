package cn.huzhu.enrollment.command.roster;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.CollectionMethod;
import cn.huzhu.enrollment.command.EnrollmentRefusedException;
import cn.huzhu.enrollment.command.UnknownUnitException;
import cn.huzhu.enrollment.command.member.EnrollMemberCommand;
import cn.huzhu.enrollment.command.member.EnrollmentPolicy;
import cn.huzhu.enrollment.command.member.EnrollmentResult;
import cn.huzhu.enrollment.command.member.MemberAggregate;
import cn.huzhu.enrollment.command.member.MemberProfile;
import cn.huzhu.enrollment.command.member.MemberRegistrationHandler;
import cn.huzhu.enrollment.command.member.RecordPremiumCollectionCommand;
import cn.huzhu.enrollment.command.member.RegisterMemberCommand;
import cn.huzhu.enrollment.command.plan.PlanCatalog;
import cn.huzhu.enrollment.command.plan.PlanVersion;
import cn.huzhu.enrollment.command.province.ProvinceFunds;
import cn.huzhu.enrollment.command.unit.UnitDirectory;
import cn.huzhu.enrollment.command.unit.UnitIncentivePolicy;
import cn.huzhu.enrollment.command.unit.UnitTerms;
import cn.huzhu.identity.IdNumber;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.Payer;
import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.UnitId;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * Unit rosters. Every row is checked first (ID number, duplicates inside the roster, already enrolled, the
 * plan's eligibility and window); then the unit rule (e.g. at least 80 % of the staff in basic insurance,
 * everyone in units under 50); then the unit's terms (renewal discount, subsidy by the number enrolled); then,
 * only if the unit passes, the accepted rows are registered and enrolled, paid by the unit. All of it, and the roster's outcome, is one unit of work: a rejected row or roster
 * changes nothing, and a roster sent again after corrections enrols only the rows that are new.
 */
public class RosterHandler {

    private final MemberRegistrationHandler registration;
    private final Repository<MemberAggregate> members;
    private final Repository<RosterAggregate> rosters;
    private final PlanCatalog catalog;
    private final UnitDirectory units;
    private final ProvinceFunds funds;

    public RosterHandler(
            MemberRegistrationHandler registration,
            Repository<MemberAggregate> members,
            Repository<RosterAggregate> rosters,
            PlanCatalog catalog,
            UnitDirectory units,
            ProvinceFunds funds) {
        this.registration = registration;
        this.members = members;
        this.rosters = rosters;
        this.catalog = catalog;
        this.units = units;
        this.funds = funds;
    }

    /** A row that passed every row check and waits for the unit rule. */
    private record Candidate(
            RosterRow row, IdNumber idNumber, String memberId, boolean registered, EnrollMemberCommand enrol) {}

    @CommandHandler
    public RosterSubmittedEvent handle(SubmitRosterCommand command) throws Exception {
        UnitDirectory.UnitFacts unit = units.find(command.unitId().value())
                .orElseThrow(() -> new UnknownUnitException(command.unitId().value()));
        EnrollmentPolicy.checkStart(command.effectiveDate(), null, false, command.today());
        LocalDate requestedStart = command.effectiveDate() != null ? command.effectiveDate() : command.today();
        PlanVersion plan = catalog.inForceOn(command.planId().value(), requestedStart);
        LocalDate coveredOn = EnrollmentPolicy.coverageStart(plan, requestedStart);
        LocalDate coveredUntil = EnrollmentPolicy.coverageEnd(
                plan, coveredOn, plan.term(null).orElseThrow().years());

        Map<Integer, RosterRowResult> results = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Integer> rowOfMember = new HashMap<>();
        for (RosterRow row : command.rows()) {
            check(command, row, coveredOn, coveredUntil, rowOfMember, candidates, results);
        }

        RosterSubmittedEvent.UnitCheck unitCheck =
                unitCheck(command, unit, plan, coveredOn, coveredUntil, candidates.size());
        UnitTerms terms = UnitIncentivePolicy.terms(
                plan,
                unit,
                coveredOn.getYear(),
                year -> units.payoutRecord(unit.unitId(), year),
                unitCheck.enrolledAfter());
        if (unitCheck.code() != null) {
            for (Candidate candidate : candidates) {
                results.put(
                        candidate.row().rowNo(),
                        RosterPolicy.refusedWithRoster(candidate.row(), candidate.memberId(), unitCheck));
            }
        } else {
            enrol(command, candidates, terms, results);
        }

        List<RosterRowResult> rows =
                command.rows().stream().map(r -> results.get(r.rowNo())).toList();
        RosterSubmittedEvent outcome = new RosterSubmittedEvent(
                command.rosterId(),
                new UnitId(unit.unitId()),
                unit.district(),
                new PlanId(plan.planId()),
                plan.version(),
                command.format(),
                command.today(),
                RosterPolicy.status(rows),
                unitCheck,
                terms,
                command.application(),
                RosterPolicy.premiumDue(rows).yuan(),
                rows);
        rosters.newInstance(() -> new RosterAggregate(outcome));
        return outcome;
    }

    private void check(
            SubmitRosterCommand command,
            RosterRow row,
            LocalDate coveredOn,
            LocalDate coveredUntil,
            Map<String, Integer> rowOfMember,
            List<Candidate> candidates,
            Map<Integer, RosterRowResult> results)
            throws Exception {
        if (results.containsKey(row.rowNo())) {
            throw new IllegalArgumentException("Row number " + row.rowNo() + " appears twice in the roster");
        }
        RosterPolicy.RowCheck read = RosterPolicy.checkRow(row, command.today());
        if (read.refused()) {
            results.put(row.rowNo(), RosterPolicy.rejected(row, null, read.code(), read.message()));
            return;
        }
        IdNumber idNumber = read.idNumber();
        String memberId = registration.memberIdOf(idNumber);
        Integer firstRow = rowOfMember.putIfAbsent(memberId, row.rowNo());
        if (firstRow != null) {
            results.put(
                    row.rowNo(),
                    RosterPolicy.rejected(
                            row, memberId, "DUPLICATE_IN_ROSTER", "The same ID number is on row " + firstRow));
            return;
        }
        EnrollMemberCommand enrol = new EnrollMemberCommand(
                new MemberId(memberId),
                new EnrollmentId(rowEnrollmentId(command.rosterId().value(), row.rowNo())),
                command.planId(),
                1,
                null,
                command.effectiveDate(),
                command.today(),
                Payer.UNIT,
                UnitTerms.NONE,
                null);
        try {
            if (registration.isRegistered(memberId)) {
                RosterRowResult known = members.load(memberId).invoke(member -> {
                    if (!member.unitId().equals(command.unitId().value())) {
                        return RosterPolicy.rejected(
                                row, memberId, "MEMBER_IN_OTHER_UNIT", "The member is registered with another unit");
                    }
                    if (member.holds(command.planId().value(), coveredOn, coveredUntil)) {
                        return new RosterRowResult(
                                row.rowNo(),
                                RosterRowStatus.ALREADY_ENROLLED,
                                memberId,
                                null,
                                null,
                                null,
                                null,
                                "Already enrolled in " + command.planId() + " on " + coveredOn,
                                null,
                                null,
                                null,
                                null,
                                null);
                    }
                    member.preview(enrol, catalog);
                    candidates.add(new Candidate(row, idNumber, memberId, true, enrol));
                    return null;
                });
                if (known != null) {
                    results.put(row.rowNo(), known);
                }
            } else {
                MemberProfile profile =
                        new MemberProfile(command.category(), idNumber.gender(), false, false, false, false, false);
                MemberAggregate.preview(profile, List.of(), enrol, catalog);
                candidates.add(new Candidate(row, idNumber, memberId, false, enrol));
            }
        } catch (EnrollmentRefusedException e) {
            results.put(row.rowNo(), RosterPolicy.rejected(row, memberId, e.code(), e.getMessage()));
        }
    }

    private RosterSubmittedEvent.UnitCheck unitCheck(
            SubmitRosterCommand command,
            UnitDirectory.UnitFacts unit,
            PlanVersion plan,
            LocalDate coveredOn,
            LocalDate coveredUntil,
            int newRows) {
        int enrolledAfter = units.enrolledMembers(unit.unitId(), plan.planId(), coveredOn, coveredUntil) + newRows;
        return RosterPolicy.unitCheck(
                command.application(),
                unit.insuredHeadcount(),
                plan.groupRules(),
                command.rows().size(),
                enrolledAfter);
    }

    private void enrol(
            SubmitRosterCommand command,
            List<Candidate> candidates,
            UnitTerms terms,
            Map<Integer, RosterRowResult> results)
            throws Exception {
        Set<String> registered = new HashSet<>();
        for (Candidate candidate : candidates) {
            RosterRow row = candidate.row();
            if (!candidate.registered()) {
                registration.register(
                        new RegisterMemberCommand(
                                candidate.idNumber().value(),
                                row.name(),
                                blankToNull(row.phone()),
                                command.unitId(),
                                command.category(),
                                false,
                                false,
                                false,
                                false,
                                false,
                                command.today(),
                                new Actor("roster:" + command.rosterId(), java.util.Set.of(), null)),
                        registered);
                registered.add(candidate.memberId());
            }
            EnrollMemberCommand enrol = candidate.enrol().withTerms(terms);
            EnrollmentResult result =
                    members.load(candidate.memberId()).invoke(member -> member.enrol(enrol, catalog, funds));
            results.put(
                    row.rowNo(),
                    new RosterRowResult(
                            row.rowNo(),
                            RosterRowStatus.ENROLLED,
                            candidate.memberId(),
                            result.enrollmentId(),
                            result.premium(),
                            result.payerAmount(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null));
        }
    }

    /**
     * The unit's transfer for a roster: recorded on the roster (checked against the amount due), then every
     * enrolment of the roster is collected, all in one transaction.
     */
    @CommandHandler
    public RosterPaidEvent handle(RecordRosterPaymentCommand command) throws Exception {
        RosterPaidEvent paid = rosters.load(command.rosterId().value()).invoke(roster -> roster.pay(command));
        if (paid == null) {
            return rosters.load(command.rosterId().value()).invoke(RosterAggregate::payment);
        }
        for (RosterRowResult row : rosters.load(command.rosterId().value()).invoke(RosterAggregate::enrolledRows)) {
            RecordPremiumCollectionCommand collect = new RecordPremiumCollectionCommand(
                    new MemberId(row.memberId()),
                    new EnrollmentId(row.enrollmentId()),
                    true,
                    CollectionMethod.UNIT_TRANSFER,
                    command.reference(),
                    null,
                    command.paidOn(),
                    command.today(),
                    command.recordedBy());
            members.load(row.memberId()).invoke(member -> member.collect(collect, catalog));
        }
        return paid;
    }

    static String rowEnrollmentId(String rosterId, int rowNo) {
        return UUID.nameUUIDFromBytes(("roster:" + rosterId + ":" + rowNo).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
