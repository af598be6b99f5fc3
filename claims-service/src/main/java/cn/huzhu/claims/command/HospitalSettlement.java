package cn.huzhu.claims.command;

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
}
