package cn.huzhu.enrollment.command.roster;

import cn.huzhu.enrollment.command.plan.PlanVersion;
import cn.huzhu.identity.Gender;
import cn.huzhu.identity.IdNumber;
import cn.huzhu.identity.InvalidIdNumberException;
import cn.huzhu.vocabulary.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The roster's own rules, apart from the member's: what makes a row unreadable (name, ID number, gender column,
 * phone), the unit rule of the plan (at least 80 % of the staff in basic insurance, everyone in small units), and what
 * the roster comes to from its rows (its status, what the unit owes, the rows refused with it). The handler gathers
 * the facts (the unit's headcounts, the members already enrolled, each row's enrolment) and these decide.
 */
public final class RosterPolicy {

    private static final Pattern PHONE = Pattern.compile("[0-9+][0-9 \\-]{5,18}[0-9]");

    private RosterPolicy() {}

    /** A row read on its own: its ID number when readable, else the refusal's code and message. */
    public record RowCheck(IdNumber idNumber, String code, String message) {

        static RowCheck refused(String code, String message) {
            return new RowCheck(null, code, message);
        }

        public boolean refused() {
            return code != null;
        }
    }

    /** The checks a row passes before the member's own rules are asked: a problem found while reading, name, ID number, gender, phone. */
    public static RowCheck checkRow(RosterRow row, LocalDate today) {
        if (row.problemCode() != null) {
            return RowCheck.refused(row.problemCode(), row.problemMessage());
        }
        if (row.name() == null || row.name().isBlank()) {
            return RowCheck.refused("MISSING_NAME", "The name is missing");
        }
        if (row.name().strip().length() > 50) {
            return RowCheck.refused("INVALID_NAME", "The name is longer than 50 characters");
        }
        IdNumber idNumber;
        try {
            idNumber = IdNumber.parse(row.idNumber(), today);
        } catch (InvalidIdNumberException e) {
            return RowCheck.refused("INVALID_ID_NUMBER", e.getMessage());
        }
        String genderProblem = genderProblem(row.gender(), idNumber);
        if (genderProblem != null) {
            return RowCheck.refused(
                    genderProblem.startsWith("The gender column says") ? "GENDER_MISMATCH" : "INVALID_GENDER",
                    genderProblem);
        }
        if (row.phone() != null
                && !row.phone().isBlank()
                && !PHONE.matcher(row.phone().strip()).matches()) {
            return RowCheck.refused("INVALID_PHONE", "The phone number is not a phone number");
        }
        return new RowCheck(idNumber, null, null);
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
        return stated == idNumber.gender()
                ? null
                : "The gender column says " + column.strip() + " but the ID number is of a "
                        + (idNumber.gender() == Gender.MALE ? "man" : "woman");
    }

    /**
     * The unit rule: the application form must count the rows it sends, and the members enrolled after the roster must
     * reach the plan's share of the unit's staff.
     *
     * @param insuredHeadcount the unit's staff in basic insurance as registered, used when the form does not say
     * @param rowsListed       the rows the roster lists
     * @param enrolledAfter    the unit's members enrolled in the plan for the period once this roster's new rows are
     */
    public static RosterSubmittedEvent.UnitCheck unitCheck(
            RosterApplication application,
            int insuredHeadcount,
            PlanVersion.GroupRules rules,
            int rowsListed,
            int enrolledAfter) {
        int insured =
                application.staffInBasicInsurance() != null ? application.staffInBasicInsurance() : insuredHeadcount;
        // The in-service headcount of the application form (在职职工总人数); without it the insured headcount stands in
        // (in-service staff are never fewer).
        int inService = application.staffTotal() != null ? application.staffTotal() : insured;
        int required = rules == null ? 0 : rules.required(insured, inService);
        if (application.enrolling() != null && application.enrolling() != rowsListed) {
            return new RosterSubmittedEvent.UnitCheck(
                    insured,
                    required,
                    enrolledAfter,
                    "APPLICATION_COUNT_MISMATCH",
                    "The application form says " + application.enrolling() + " members enrol but the roster lists "
                            + rowsListed);
        }
        if (enrolledAfter < required) {
            String counts = required + " required, " + enrolledAfter + " would be enrolled";
            String message;
            if (!rules.everyone(insured, inService)) {
                message = "A unit enrols at least "
                        + rules.minimumShareOfInsuredStaff()
                                .movePointRight(2)
                                .stripTrailingZeros()
                                .toPlainString() + " % of its " + insured + " staff in basic insurance: " + counts;
            } else if (rules.everyoneUpToInServiceStaff() != null) {
                message = "A unit of at most " + rules.everyoneUpToInServiceStaff() + " in-service staff (it has "
                        + inService + ") enrols all its staff in basic insurance: " + counts;
            } else {
                message = "A unit with fewer than " + rules.everyoneBelowHeadcount()
                        + " staff in basic insurance enrols all of them: " + counts;
            }
            return new RosterSubmittedEvent.UnitCheck(
                    insured, required, enrolledAfter, "UNIT_BELOW_REQUIRED_SHARE", message);
        }
        return new RosterSubmittedEvent.UnitCheck(insured, required, enrolledAfter, null, null);
    }

    /**
     * The roster's status from its rows: accepted when none was rejected, rejected when all were, partly accepted
     * otherwise.
     */
    public static RosterStatus status(List<RosterRowResult> rows) {
        long rejected = rows.stream()
                .filter(r -> r.status() == RosterRowStatus.REJECTED)
                .count();
        if (rejected == 0) {
            return RosterStatus.ACCEPTED;
        }
        return rejected == rows.size() ? RosterStatus.REJECTED : RosterStatus.PARTIALLY_ACCEPTED;
    }

    /** What the unit owes for its roster: the premiums of the rows enrolled. */
    public static Money premiumDue(List<RosterRowResult> rows) {
        return rows.stream()
                .filter(r -> r.status() == RosterRowStatus.ENROLLED)
                .map(r -> Money.of(r.premium()))
                .reduce(Money.ZERO, Money::plus);
    }

    /** A row the unit rule refused with the whole roster: nobody on it is enrolled, for the roster's reason. */
    public static RosterRowResult refusedWithRoster(
            RosterRow row, String memberId, RosterSubmittedEvent.UnitCheck check) {
        return rejected(row, memberId, check.code(), "Not enrolled because the roster was refused: " + check.message());
    }

    /** A row not enrolled, with the code and sentence why and the row as sent, for the unit to correct. */
    public static RosterRowResult rejected(RosterRow row, String memberId, String code, String message) {
        return new RosterRowResult(
                row.rowNo(),
                RosterRowStatus.REJECTED,
                memberId,
                null,
                null,
                null,
                code,
                message,
                row.name(),
                row.gender(),
                row.idNumber(),
                row.phone(),
                row.remark());
    }
}
