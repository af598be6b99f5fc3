package cn.huzhu.claims.command.account;

/** The first claim under an enrolment opened its benefit account. */
public record BenefitAccountOpenedEvent(String accountId, String enrollmentId, String memberId) {}
