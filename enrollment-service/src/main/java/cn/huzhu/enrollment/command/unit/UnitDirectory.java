package cn.huzhu.enrollment.command.unit;

import cn.huzhu.enrollment.command.UnitNature;
import java.time.LocalDate;
import java.util.Optional;

/** What enrolment needs to know of units: a member's district is their unit's; rosters are checked against its headcount. */
public interface UnitDirectory {

    /** A registered unit as the enrolment rules see it. */
    record UnitFacts(String unitId, String district, UnitNature nature, int insuredHeadcount) {}

    Optional<UnitFacts> find(String unitId);

    default Optional<String> districtOf(String unitId) {
        return find(unitId).map(UnitFacts::district);
    }

    /** The unit's figures of the year for its whole scheme. */
    default Optional<UnitIncentivePolicy.PayoutRecord> payoutRecord(String unitId, int year) {
        return payoutRecord(unitId, year, null);
    }

    /** The unit's figures of the year in one plan (null: its whole scheme). */
    Optional<UnitIncentivePolicy.PayoutRecord> payoutRecord(String unitId, int year, String planId);

    /** Whether the unit pays its union dues in full, as last recorded (false for an unknown unit). */
    boolean paysDuesInFull(String unitId);

    /** How many of the unit's members hold an enrolment of the plan that covers part of the period. */
    int enrolledMembers(String unitId, String planId, LocalDate from, LocalDate to);
}
