package cn.huzhu.contracts;

import cn.huzhu.contracts.claims.ClaimApproved;
import cn.huzhu.contracts.claims.ClaimReferredForReview;
import cn.huzhu.contracts.claims.ClaimRejected;
import cn.huzhu.contracts.claims.ClaimRevoked;
import cn.huzhu.contracts.enrollment.EnrollmentTargetSet;
import cn.huzhu.contracts.enrollment.MemberBankAccountRegistered;
import cn.huzhu.contracts.enrollment.MemberContactRegistered;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.MemberRegistered;
import cn.huzhu.contracts.enrollment.PlanVersionPublished;
import cn.huzhu.contracts.enrollment.PremiumCollected;
import cn.huzhu.contracts.enrollment.PremiumCollectionFailed;
import cn.huzhu.contracts.enrollment.UnitRegistered;
import cn.huzhu.contracts.payouts.PayoutBatchReconciled;
import cn.huzhu.contracts.payouts.PayoutFailed;
import cn.huzhu.contracts.payouts.PayoutRecovery;
import cn.huzhu.contracts.payouts.PayoutScheduled;
import cn.huzhu.contracts.payouts.PayoutSent;
import cn.huzhu.contracts.payouts.PayoutSucceeded;
import cn.huzhu.contracts.regional.EnrollmentBatchProcessed;
import cn.huzhu.contracts.regional.EnrollmentBatchSubmitted;
import cn.huzhu.contracts.regional.HospitalSettlementAnswered;
import cn.huzhu.contracts.regional.HospitalSettlementReversed;
import cn.huzhu.contracts.regional.HospitalSettlementSubmitted;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Every record type that may travel on a platform topic. A new contract is added here. */
public final class ContractRecords {

    public static final List<Class<? extends SpecificRecord>> ALL = List.of(
            PlanVersionPublished.class,
            UnitRegistered.class,
            MemberRegistered.class,
            MemberEnrolled.class,
            PremiumCollected.class,
            PremiumCollectionFailed.class,
            MemberBankAccountRegistered.class,
            MemberContactRegistered.class,
            EnrollmentTargetSet.class,
            EnrollmentBatchSubmitted.class,
            EnrollmentBatchProcessed.class,
            ClaimApproved.class,
            ClaimRejected.class,
            ClaimRevoked.class,
            ClaimReferredForReview.class,
            HospitalSettlementSubmitted.class,
            HospitalSettlementReversed.class,
            HospitalSettlementAnswered.class,
            PayoutScheduled.class,
            PayoutSent.class,
            PayoutSucceeded.class,
            PayoutFailed.class,
            PayoutRecovery.class,
            PayoutBatchReconciled.class);

    private ContractRecords() {}
}
