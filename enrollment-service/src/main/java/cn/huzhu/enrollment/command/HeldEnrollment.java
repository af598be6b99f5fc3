package cn.huzhu.enrollment.command;

import java.time.LocalDate;

/** An enrolment a member already holds, as the enrolment rules need it. */
public record HeldEnrollment(String enrollmentId, String planId, int shares, LocalDate coverageStart, LocalDate coverageEnd) {

    boolean overlaps(LocalDate start, LocalDate end) {
        return !coverageStart.isAfter(end) && !coverageEnd.isBefore(start);
    }
}
