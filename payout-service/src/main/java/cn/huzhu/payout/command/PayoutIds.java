package cn.huzhu.payout.command;

import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.EnrollmentId;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/** Identities derived from what they identify, so a redelivered or replayed event names the same thing again. */
public final class PayoutIds {

    private PayoutIds() {}

    /** One payout per benefit: the claim and the enrolment it is paid under. */
    public static PayoutId payout(ClaimId claimId, EnrollmentId enrollmentId) {
        return new PayoutId(UUID.nameUUIDFromBytes(
                        ("payout:" + claimId.value() + ":" + enrollmentId.value()).getBytes(StandardCharsets.UTF_8))
                .toString());
    }

    /** One disbursement batch per district and day. */
    public static BatchId batch(String district, LocalDate day) {
        return new BatchId(UUID.nameUUIDFromBytes(("batch:" + district + ":" + day).getBytes(StandardCharsets.UTF_8))
                .toString());
    }

    /** The bank reference of a payout's n-th transfer: unique per transfer, never reused for another. */
    public static String reference(PayoutId payoutId, int attempt) {
        return "HZ" + payoutId.value().replace("-", "").toUpperCase() + "-" + attempt;
    }
}
