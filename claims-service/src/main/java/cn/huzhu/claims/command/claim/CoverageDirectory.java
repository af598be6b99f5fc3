package cn.huzhu.claims.command.claim;

import cn.huzhu.claims.engine.Coverage;
import java.time.LocalDate;
import java.util.List;

/** The member's enrolments that cover a date, from the enrolment events. */
public interface CoverageDirectory {

    /** A coverage and whether its premium has been collected (a pending enrolment is not in force). */
    record CoverageFacts(Coverage coverage, boolean collected) {}

    List<CoverageFacts> coveragesOn(String memberId, LocalDate date);
}
