package cn.huzhu.claims.command.account;

import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.TypedId;

/** The benefit account of one enrolment: what has been paid under it. */
public record AccountId(String value) implements TypedId {

    public AccountId {
        TypedId.require(value, "accountId");
    }

    public static AccountId of(EnrollmentId enrollmentId) {
        return new AccountId("benefit-account-" + enrollmentId.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
