package cn.huzhu.enrollment.command.member;

import cn.huzhu.vocabulary.Money;
import cn.huzhu.vocabulary.Payer;
import java.math.BigDecimal;

/** The part of a premium one payer bears. */
public record FundingShare(Payer payer, BigDecimal amount) {

    public static FundingShare of(Payer payer, Money amount) {
        return new FundingShare(payer, amount.yuan());
    }
}
