package cn.huzhu.enrollment.command.member;

import java.math.BigDecimal;

/** The part of a premium one payer bears (MEMBER, UNIT, UNION, PROVINCE). */
public record FundingShare(String payer, BigDecimal amount) {
}
