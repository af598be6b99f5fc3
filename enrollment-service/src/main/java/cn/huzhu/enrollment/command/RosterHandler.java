package cn.huzhu.enrollment.command;

import cn.huzhu.identity.InvalidIdNumberException;

import cn.huzhu.identity.Gender;

import cn.huzhu.identity.IdNumber;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
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

    private static final Pattern PHONE = Pattern.compile("[0-9+][0-9 \\-]{5,18}[0-9]");

    private final MemberRegistrationHandler registration;
    private final Repository<MemberAggregate> members;
    private final Repository<RosterAggregate> rosters;
    private final PlanCatalog catalog;
    private final UnitDirectory units;
    private final ProvinceFunds funds;

    public RosterHandler(MemberRegistrationHandler registration, Repository<MemberAggregate> members, Repository<RosterAggregate> rosters,
                         PlanCatalog catalog, UnitDirectory units, ProvinceFunds funds) {
        this.registration = registration;
        this.members = members;
        this.rosters = rosters;
        this.catalog = catalog;
        this.units = units;
        this.funds = funds;
    }

    /** A row that passed every row check and waits for the unit rule. */
    private record Candidate(RosterRow row, IdNumber idNumber, String memberId, boolean registered, EnrollMemberCommand enrol) {
    }

    @CommandHandler
    public RosterSubmittedEvent handle(SubmitRosterCommand command) throws Exception {
        UnitDirectory.UnitFacts unit = units.find(command.unitId()).orElseThrow(() -> new UnknownUnitException(command.unitId()));
        EnrollmentPolicy.checkStart(command.effectiveDate(), null, false, command.today());
        LocalDate requestedStart = command.effectiveDate() != null ? command.effectiveDate() : command.today();
        PlanVersion plan = EnrollmentPolicy.planOn(catalog, command.planId(), requestedStart);
        LocalDate coveredOn = EnrollmentPolicy.coverageStart(plan, requestedStart);
        LocalDate coveredUntil = EnrollmentPolicy.coverageEnd(plan, coveredOn, plan.term(null).orElseThrow().years());

        Map<Integer, RosterRowResult> results = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Integer> rowOfMember = new HashMap<>();
        for (RosterRow row : command.rows()) {
            check(command, row, coveredOn, coveredUntil, rowOfMember, candidates, results);
        }

        RosterSubmittedEvent.UnitCheck unitCheck = unitCheck(command, unit, plan, coveredOn, coveredUntil, candidates.size());
        UnitTerms terms = UnitIncentivePolicy.terms(plan, unit, coveredOn.getYear(), year -> units.payoutRecord(unit.unitId(), year),
                unitCheck.enrolledAfter());
        if (unitCheck.code() != null) {
            for (Candidate candidate : candidates) {
                results.put(candidate.row().rowNo(), rejected(candidate.row(), candidate.memberId(), unitCheck.code(),
                        "Not enrolled because the roster was refused: " + unitCheck.message()));
            }
        } else {
            enrol(command, candidates, terms, results);
        }

        List<RosterRowResult> rows = command.rows().stream().map(r -> results.get(r.rowNo())).toList();
        BigDecimal premiumTotal = rows.stream().filter(r -> r.status() == RosterRowStatus.ENROLLED)
                .map(RosterRowResult::premium).reduce(new BigDecimal("0.00"), BigDecimal::add);
        RosterSubmittedEvent outcome = new RosterSubmittedEvent(command.rosterId(), unit.unitId(), unit.district(), plan.planId(),
                plan.version(), command.format(), command.today(), status(rows), unitCheck, terms, command.application(), premiumTotal, rows);
        rosters.newInstance(() -> new RosterAggregate(outcome));
        return outcome;
    }

    private void check(SubmitRosterCommand command, RosterRow row, LocalDate coveredOn, LocalDate coveredUntil, Map<String, Integer> rowOfMember,
                       List<Candidate> candidates, Map<Integer, RosterRowResult> results) throws Exception {
        if (results.containsKey(row.rowNo())) {
            throw new IllegalArgumentException("Row number " + row.rowNo() + " appears twice in the roster");
        }
        if (row.problemCode() != null) {
            results.put(row.rowNo(), rejected(row, null, row.problemCode(), row.problemMessage()));
            return;
        }
        if (row.name() == null || row.name().isBlank()) {
            results.put(row.rowNo(), rejected(row, null, "MISSING_NAME", "The name is missing"));
            return;
        }
        if (row.name().strip().length() > 50) {
            results.put(row.rowNo(), rejected(row, null, "INVALID_NAME", "The name is longer than 50 characters"));
            return;
        }
        IdNumber idNumber;
        try {
            idNumber = IdNumber.parse(row.idNumber(), command.today());
        } catch (InvalidIdNumberException e) {
            results.put(row.rowNo(), rejected(row, null, "INVALID_ID_NUMBER", e.getMessage()));
            return;
        }
        String genderProblem = genderProblem(row.gender(), idNumber);
        if (genderProblem != null) {
            results.put(row.rowNo(), rejected(row, null, genderProblem.startsWith("The gender column says") ? "GENDER_MISMATCH" : "INVALID_GENDER", genderProblem));
            return;
        }
        if (row.phone() != null && !row.phone().isBlank() && !PHONE.matcher(row.phone().strip()).matches()) {
            results.put(row.rowNo(), rejected(row, null, "INVALID_PHONE", "The phone number is not a phone number"));
            return;
        }
        String memberId = registration.memberIdOf(idNumber);
        Integer firstRow = rowOfMember.putIfAbsent(memberId, row.rowNo());
        if (firstRow != null) {
            results.put(row.rowNo(), rejected(row, memberId, "DUPLICATE_IN_ROSTER", "The same ID number is on row " + firstRow));
            return;
        }
        EnrollMemberCommand enrol = new EnrollMemberCommand(memberId, rowEnrollmentId(command.rosterId(), row.rowNo()), command.planId(),
                1, null, command.effectiveDate(), command.today(), MemberAggregate.UNIT_PAYS, UnitTerms.NONE, null);
        try {
            if (registration.isRegistered(memberId)) {
                RosterRowResult known = members.load(memberId).invoke(member -> {
                    if (!member.unitId().equals(command.unitId())) {
                        return rejected(row, memberId, "MEMBER_IN_OTHER_UNIT", "The member is registered with another unit");
                    }
                    if (member.holds(command.planId(), coveredOn, coveredUntil)) {
                        return new RosterRowResult(row.rowNo(), RosterRowStatus.ALREADY_ENROLLED, memberId, null, null, null,
                                null, "Already enrolled in " + command.planId() + " on " + coveredOn, null, null, null, null, null);
                    }
                    member.preview(enrol, catalog);
                    candidates.add(new Candidate(row, idNumber, memberId, true, enrol));
                    return null;
                });
                if (known != null) {
                    results.put(row.rowNo(), known);
                }
            } else {
                MemberProfile profile = new MemberProfile(command.category(), idNumber.gender(), false, false, false, false, false);
                MemberAggregate.preview(profile, List.of(), enrol, catalog);
                candidates.add(new Candidate(row, idNumber, memberId, false, enrol));
            }
        } catch (EnrollmentRefusedException e) {
            results.put(row.rowNo(), rejected(row, memberId, e.code(), e.getMessage()));
        }
    }

    private RosterSubmittedEvent.UnitCheck unitCheck(SubmitRosterCommand command, UnitDirectory.UnitFacts unit, PlanVersion plan,
                                                     LocalDate coveredOn, LocalDate coveredUntil, int newRows) {
        RosterApplication application = command.application();
        int insured = application.staffInBasicInsurance() != null ? application.staffInBasicInsurance() : unit.insuredHeadcount();
        // The in-service headcount of the application form (在职职工总人数); without it the insured headcount stands in (in-service staff are never fewer).
        int inService = application.staffTotal() != null ? application.staffTotal() : insured;
        int enrolledAfter = units.enrolledMembers(unit.unitId(), plan.planId(), coveredOn, coveredUntil) + newRows;
        PlanVersion.GroupRules rules = plan.groupRules();
        int required = rules == null ? 0 : rules.required(insured, inService);
        if (application.enrolling() != null && application.enrolling() != command.rows().size()) {
            return new RosterSubmittedEvent.UnitCheck(insured, required, enrolledAfter, "APPLICATION_COUNT_MISMATCH",
                    "The application form says " + application.enrolling() + " members enrol but the roster lists " + command.rows().size());
        }
        if (enrolledAfter < required) {
            String counts = required + " required, " + enrolledAfter + " would be enrolled";
            String message;
            if (!rules.everyone(insured, inService)) {
                message = "A unit enrols at least " + rules.minimumShareOfInsuredStaff().movePointRight(2).stripTrailingZeros().toPlainString()
                        + " % of its " + insured + " staff in basic insurance: " + counts;
            } else if (rules.everyoneUpToInServiceStaff() != null) {
                message = "A unit of at most " + rules.everyoneUpToInServiceStaff() + " in-service staff (it has " + inService
                        + ") enrols all its staff in basic insurance: " + counts;
            } else {
                message = "A unit with fewer than " + rules.everyoneBelowHeadcount() + " staff in basic insurance enrols all of them: " + counts;
            }
            return new RosterSubmittedEvent.UnitCheck(insured, required, enrolledAfter, "UNIT_BELOW_REQUIRED_SHARE", message);
        }
        return new RosterSubmittedEvent.UnitCheck(insured, required, enrolledAfter, null, null);
    }

    private void enrol(SubmitRosterCommand command, List<Candidate> candidates, UnitTerms terms, Map<Integer, RosterRowResult> results)
            throws Exception {
        Set<String> registered = new HashSet<>();
        for (Candidate candidate : candidates) {
            RosterRow row = candidate.row();
            if (!candidate.registered()) {
                registration.register(new RegisterMemberCommand(candidate.idNumber().value(), row.name(), blankToNull(row.phone()),
                        command.unitId(), command.category(), false, false, false, false, false, command.today(),
                        new Actor("roster:" + command.rosterId(), java.util.Set.of(), null)), registered);
                registered.add(candidate.memberId());
            }
            EnrollMemberCommand enrol = candidate.enrol().withTerms(terms);
            EnrollmentResult result = members.load(candidate.memberId()).invoke(member -> member.enrol(enrol, catalog, funds));
            results.put(row.rowNo(), new RosterRowResult(row.rowNo(), RosterRowStatus.ENROLLED, candidate.memberId(),
                    result.enrollmentId(), result.premium(), result.payerAmount(), null, null, null, null, null, null, null));
        }
    }

    /**
     * The unit's transfer for a roster: recorded on the roster (checked against the amount due), then every
     * enrolment of the roster is collected, all in one transaction.
     */
    @CommandHandler
    public RosterPaidEvent handle(RecordRosterPaymentCommand command) throws Exception {
        RosterPaidEvent paid = rosters.load(command.rosterId()).invoke(roster -> roster.pay(command));
        if (paid == null) {
            return rosters.load(command.rosterId()).invoke(RosterAggregate::payment);
        }
        for (RosterRowResult row : rosters.load(command.rosterId()).invoke(RosterAggregate::enrolledRows)) {
            RecordPremiumCollectionCommand collect = new RecordPremiumCollectionCommand(row.memberId(), row.enrollmentId(), true,
                    CollectionMethod.UNIT_TRANSFER, command.reference(), null, command.paidOn(), command.today(), command.recordedBy());
            members.load(row.memberId()).invoke(member -> member.collect(collect, catalog));
        }
        return paid;
    }

    private static RosterStatus status(List<RosterRowResult> rows) {
        long rejected = rows.stream().filter(r -> r.status() == RosterRowStatus.REJECTED).count();
        if (rejected == 0) {
            return RosterStatus.ACCEPTED;
        }
        return rejected == rows.size() ? RosterStatus.REJECTED : RosterStatus.PARTIALLY_ACCEPTED;
    }

    /** Null when the gender column is empty or agrees with the ID number, else what is wrong. */
    static String genderProblem(String column, IdNumber idNumber) {
        if (column == null || column.isBlank()) {
            return null;
        }
        Gender stated = switch (column.strip().toUpperCase(Locale.ROOT)) {
            case "男", "M", "MALE" -> Gender.MALE;
            case "女", "F", "FEMALE" -> Gender.FEMALE;
            default -> null;
        };
        if (stated == null) {
            return "The gender column must be 男 or 女";
        }
        return stated == idNumber.gender() ? null
                : "The gender column says " + column.strip() + " but the ID number is of a " + (idNumber.gender() == Gender.MALE ? "man" : "woman");
    }

    private static RosterRowResult rejected(RosterRow row, String memberId, String code, String message) {
        return new RosterRowResult(row.rowNo(), RosterRowStatus.REJECTED, memberId, null, null, null, code, message,
                row.name(), row.gender(), row.idNumber(), row.phone(), row.remark());
    }

    static String rowEnrollmentId(String rosterId, int rowNo) {
        return UUID.nameUUIDFromBytes(("roster:" + rosterId + ":" + rowNo).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
