package cn.huzhu.enrollment.command.member;

/** The ID number belongs to a member already registered. */
public class MemberAlreadyRegisteredException extends RuntimeException {

    private final String memberId;

    public MemberAlreadyRegisteredException(String memberId) {
        super("A member with this ID number is already registered");
        this.memberId = memberId;
    }

    public String memberId() {
        return memberId;
    }
}
