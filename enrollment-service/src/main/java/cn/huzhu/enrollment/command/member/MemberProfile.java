package cn.huzhu.enrollment.command.member;

import cn.huzhu.enrollment.command.MemberCategory;
import cn.huzhu.enrollment.command.plan.PlanVersion;
import cn.huzhu.identity.Gender;

/** The member facts enrolment rules look at. */
public record MemberProfile(
        MemberCategory category,
        Gender gender,
        boolean serviceCard,
        boolean realNameVerified,
        boolean hardship,
        boolean modelWorker,
        boolean unionMember) {

    boolean meets(PlanVersion.Requirement requirement) {
        return switch (requirement) {
            case SERVICE_CARD -> serviceCard;
            case REAL_NAME_VERIFIED -> realNameVerified;
        };
    }

    /** HARDSHIP (困难职工), MODEL_WORKER (劳模) and UNION_MEMBER (工会会员), as funding rules name them. */
    boolean hasStatus(String status) {
        return ("HARDSHIP".equals(status) && hardship)
                || ("MODEL_WORKER".equals(status) && modelWorker)
                || ("UNION_MEMBER".equals(status) && unionMember);
    }
}
