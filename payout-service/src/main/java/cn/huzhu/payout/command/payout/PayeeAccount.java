package cn.huzhu.payout.command.payout;

/** The account a transfer goes to, as the member registered it; {@code hash} tells accounts apart without the number. */
public record PayeeAccount(
        String number, String masked, String hash, String holderName, String bankName, String district) {
    @Override
    public String toString() {
        return "PayeeAccount[" + masked + "]";
    }
}
