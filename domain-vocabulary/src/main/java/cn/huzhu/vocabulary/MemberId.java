package cn.huzhu.vocabulary;

import java.util.UUID;

/** A member: the id enrolment derives from the ID number with the deployment's key (see {@code MemberIds}). */
public record MemberId(String value) implements TypedId {

    public MemberId {
        TypedId.require(value, "memberId");
    }

    public static MemberId of(UUID id) {
        return new MemberId(id.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
