package cn.huzhu.enrollment.command.member;

import java.time.LocalDate;

/**
 * An enrolment a member already holds, as the enrolment rules need it: {@code inForce} once its premium is collected (or
 * nobody owed it). One not in force still takes its shares, but gives no continuity.
 */
public record HeldEnrollment(
        String enrollmentId,
        String planId,
        int shares,
        LocalDate coverageStart,
        LocalDate coverageEnd,
        boolean inForce) {

    boolean overlaps(LocalDate start, LocalDate end) {
        return !coverageStart.isAfter(end) && !coverageEnd.isBefore(start);
    }
}
