package cn.huzhu.enrollment.command.member;

import java.util.function.Predicate;

final class EnrollmentEventPredicates {

    private EnrollmentEventPredicates() {}

    static Predicate<MemberEnrolledEvent> continuous() {
        return MemberEnrolledEvent::continuous;
    }
}
