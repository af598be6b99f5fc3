package cn.huzhu.claims.command.claim;

/** The members the platform knows (registered, or enrolled), from the enrolment events. */
public interface MemberDirectory {

    boolean exists(String memberId);
}
