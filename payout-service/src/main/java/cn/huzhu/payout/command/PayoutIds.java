package cn.huzhu.payout.command;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/** Identities derived from what they identify, so a redelivered or replayed event names the same thing again. */
public final class PayoutIds {

    private PayoutIds() {}

    /** One payout per benefit: the claim and the enrolment it is paid under. */
    public static String payout(String claimId, String enrollmentId) {
        return UUID.nameUUIDFromBytes(("payout:" + claimId + ":" + enrollmentId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** One disbursement batch per district and day. */
    public static String batch(String district, LocalDate day) {
        return UUID.nameUUIDFromBytes(("batch:" + district + ":" + day).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The bank reference of a payout's n-th transfer: unique per transfer, never reused for another. */
    public static String reference(String payoutId, int attempt) {
        return "HZ" + payoutId.replace("-", "").toUpperCase() + "-" + attempt;
    }
}
