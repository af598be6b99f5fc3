package cn.huzhu.claims.command.claim;

import cn.huzhu.claims.engine.Cause;
import cn.huzhu.claims.engine.Claim;
import cn.huzhu.claims.engine.ClaimType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * A claim as {@link ClaimAdjudicatedEvent} stores it: flat values (codes as their names), copied from the engine's
 * {@link Claim} when the event is made and turned back into one when a rule needs it. The engine may rename or retype
 * its fields; what was stored keeps this shape, and a change here is a new revision of the event with an upcaster
 * (ADR 0035).
 */
public record StoredClaim(
        String type,
        LocalDate eventDate,
        LocalDate dischargeDate,
        Integer hospitalDays,
        String hospitalGrade,
        String diseaseCode,
        Integer injuryGrade,
        String cause,
        Set<String> exclusions,
        Bill bill) {

    /**
     * The bill as stored: amounts in yuan (absent ones as zero), whether basic insurance settled it, and for a bill it
     * did not, the amount and the member's liability share.
     */
    public record Bill(
            BigDecimal total,
            BigDecimal pooledFundPaid,
            BigDecimal deductible,
            BigDecimal coPay,
            BigDecimal selfFunded,
            boolean settledViaInsurance,
            BigDecimal unsettledAmount,
            BigDecimal liabilityShare) {}

    public StoredClaim {
        exclusions = exclusions == null ? Set.of() : Set.copyOf(exclusions);
    }

    public static StoredClaim of(Claim claim) {
        cn.huzhu.claims.engine.Bill b = claim.bill();
        return new StoredClaim(
                claim.type().name(),
                claim.eventDate(),
                claim.dischargeDate(),
                claim.hospitalDays(),
                claim.hospitalGrade(),
                claim.diseaseCode(),
                claim.injuryGrade(),
                claim.cause().name(),
                claim.exclusions(),
                b == null
                        ? null
                        : new Bill(
                                b.total(),
                                b.pooledFundPaid(),
                                b.deductible(),
                                b.coPay(),
                                b.selfFunded(),
                                b.settledViaInsurance(),
                                b.unsettledAmount(),
                                b.liabilityShare()));
    }

    /** The claim as the engine reads it. */
    public Claim toClaim() {
        return new Claim(
                ClaimType.valueOf(type),
                eventDate,
                dischargeDate,
                hospitalDays,
                hospitalGrade,
                diseaseCode,
                injuryGrade,
                cause == null ? null : Cause.valueOf(cause),
                exclusions,
                bill == null
                        ? null
                        : new cn.huzhu.claims.engine.Bill(
                                bill.total(),
                                bill.pooledFundPaid(),
                                bill.deductible(),
                                bill.coPay(),
                                bill.selfFunded(),
                                bill.settledViaInsurance(),
                                bill.unsettledAmount(),
                                bill.liabilityShare()));
    }
}
