package cn.huzhu.claims.command.claim;

import cn.huzhu.claims.engine.Claim;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The hospital settlement a claim was made from (Quzhou settles at the hospital desk): the hospital pays the member
 * there and the fund reimburses the hospital, so no transfer goes to the member's card for such a claim.
 */
public record HospitalSettlement(String district, String settlementId) {
    public HospitalSettlement {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(settlementId, "settlementId");
    }

    /** Whether two claims from a settlement are the same stay and bill (amounts compared by value, not by scale). */
    static boolean sameStay(Claim a, Claim b) {
        return a.type() == b.type()
                && a.eventDate().equals(b.eventDate())
                && Objects.equals(a.dischargeDate(), b.dischargeDate())
                && Objects.equals(a.hospitalDays(), b.hospitalDays())
                && a.cause() == b.cause()
                && a.bill() != null
                && b.bill() != null
                && same(a.bill().total(), b.bill().total())
                && same(a.bill().pooledFundPaid(), b.bill().pooledFundPaid())
                && same(a.bill().coPay(), b.bill().coPay())
                && same(a.bill().deductible(), b.bill().deductible())
                && same(a.bill().selfFunded(), b.bill().selfFunded());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }
}
