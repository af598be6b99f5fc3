package cn.huzhu.claims.command.account;

import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;

/** The first claim under an enrolment opened its benefit account. */
public record BenefitAccountOpenedEvent(AccountId accountId, EnrollmentId enrollmentId, MemberId memberId) {}
