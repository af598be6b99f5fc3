package cn.huzhu.claims.command.claim;

/** A settlement number came again with another patient or bill: the first one stands, the second is refused. */
public class SettlementConflictException extends RuntimeException {

    public SettlementConflictException(HospitalSettlement settlement) {
        super("Settlement " + settlement.settlementId()
                + " was sent before with another patient or bill; it is answered as first sent only");
    }
}
