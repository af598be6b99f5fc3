package cn.huzhu.payout.notify;

/**
 * The notices a member is sent, each a template of {@code notices/templates.txt}. A member who opts out is still sent the
 * notices about money paid to them or owed back by them, and about their account being changed.
 */
public enum NoticeKind {
    ENROLLED(true),
    PREMIUM_COLLECTED(true),
    PREMIUM_COLLECTION_FAILED(true),
    CLAIM_APPROVED(true),
    CLAIM_IN_REVIEW(true),
    CLAIM_REJECTED(true),
    PAYOUT_SUCCEEDED(false),
    PAYOUT_ACCOUNT_REJECTED(false),
    PAYOUT_FAILED(false),
    RECOVERY_OPENED(false),
    ACCOUNT_CHANGED(false),
    RENEWAL_FIRST(true),
    RENEWAL_SECOND(true);

    private final boolean optional;

    NoticeKind(boolean optional) {
        this.optional = optional;
    }

    /** Whether a member's opt-out stops it. */
    public boolean optional() {
        return optional;
    }
}
