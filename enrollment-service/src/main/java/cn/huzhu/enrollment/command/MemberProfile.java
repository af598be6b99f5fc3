package cn.huzhu.enrollment.command;

/** The member facts enrolment rules look at. */
public record MemberProfile(MemberCategory category, Gender gender, boolean serviceCard, boolean realNameVerified) {

    boolean meets(PlanVersion.Requirement requirement) {
        return switch (requirement) {
            case SERVICE_CARD -> serviceCard;
            case REAL_NAME_VERIFIED -> realNameVerified;
        };
    }
}
