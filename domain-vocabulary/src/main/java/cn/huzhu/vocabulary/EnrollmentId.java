package cn.huzhu.vocabulary;

import java.util.UUID;

/** One enrolment of a member in a plan. */
public record EnrollmentId(String value) implements TypedId {

    public EnrollmentId {
        TypedId.require(value, "enrollmentId");
    }

    public static EnrollmentId of(UUID id) {
        return new EnrollmentId(id.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
