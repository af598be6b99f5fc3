package cn.huzhu.payout.command.recovery;

/** A repayment that does not fit the debt: more than is owed, or a reference used before with another amount. */
public class RepaymentRefusedException extends RuntimeException {

    private final String code;

    public RepaymentRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
