package cn.huzhu.contracts;

/**
 * Kafka topic names of the platform. Event topics keep their records forever: read models are rebuilt
 * from them. Every record is keyed by the id of the aggregate that produced it.
 */
public final class Topics {

    /** {@code PlanVersionPublished}, keyed by plan id. */
    public static final String PLANS = "huzhu.enrollment.plans.v1";
    /** {@code UnitRegistered}, keyed by unit id. */
    public static final String UNITS = "huzhu.enrollment.units.v1";
    /**
     * {@code MemberRegistered}, {@code MemberEnrolled}, {@code PremiumCollected} and {@code PremiumCollectionFailed},
     * keyed by member id so one member's events stay in order.
     */
    public static final String MEMBERS = "huzhu.enrollment.members.v1";

    /**
     * {@code MemberBankAccountRegistered}, keyed by member id: the accounts benefits are paid to, full numbers included,
     * on a topic of their own so that only payouts may read them.
     */
    public static final String BANK_ACCOUNTS = "huzhu.enrollment.bank-accounts.v1";

    /**
     * {@code MemberContactRegistered}, keyed by member id: the phones members are told on, on a topic of their own so that
     * only the notice sender (payout-service) may read them.
     */
    public static final String CONTACTS = "huzhu.enrollment.contacts.v1";

    /** {@code ClaimApproved}, {@code ClaimRejected}, {@code ClaimRevoked} and {@code ClaimReferredForReview}, keyed by member id. */
    public static final String CLAIMS = "huzhu.claims.decisions.v1";

    /**
     * {@code PayoutScheduled}, {@code PayoutSent}, {@code PayoutSucceeded}, {@code PayoutFailed} and {@code PayoutRecovery},
     * keyed by member id; {@code PayoutBatchReconciled}, keyed by batch id.
     */
    public static final String PAYOUTS = "huzhu.payouts.events.v1";

    /** {@code EnrollmentTargetSet}, keyed by target id. */
    public static final String TARGETS = "huzhu.enrollment.targets.v1";

    /** {@code EnrollmentBatchSubmitted} from district offices, keyed by batch id (inbound). */
    public static final String REGIONAL_ENROLLMENT_BATCHES = "huzhu.regional.enrollment-batches.v1";
    /** Prefix of the answer topics of enrolment batches, one per office ({@link #regionalEnrollmentResults}). */
    private static final String REGIONAL_ENROLLMENT_RESULTS = "huzhu.regional.enrollment-results.v1";
    /** {@code HospitalSettlementSubmitted} and {@code HospitalSettlementReversed} from district hospitals, keyed by settlement id (inbound). */
    public static final String REGIONAL_HOSPITAL_SETTLEMENTS = "huzhu.regional.hospital-settlements.v1";
    /** Prefix of the answer topics of hospital settlements, one per office ({@link #regionalSettlementResults}). */
    private static final String REGIONAL_SETTLEMENT_RESULTS = "huzhu.regional.hospital-settlement-results.v1";
    /**
     * Record header of every record a district office sends (enrolment batches, hospital settlements): the office's
     * access token, a JWT from the platform's issuer with role REGIONAL_OFFICE, the office's {@code district}, its office id
     * in {@code azp} and, in {@code cnf.jkt}, the thumbprint (RFC 7638) of the key the office signs its records with.
     */
    public static final String OFFICE_IDENTITY_HEADER = "huzhu-office-token";

    /**
     * Record header binding the office's token to the record: a compact JWS of type {@value #OFFICE_PROOF_TYPE}, signed with
     * the office's key (its public JWK in the JWS header), whose claims name the {@code topic}, the record {@code key}, the
     * {@code digest} of the value (SHA-256, base64url) and when it was signed ({@code iat}). Inbound topics stamp records
     * with the broker's time, against which the token's validity and the proof's age are judged.
     */
    public static final String OFFICE_PROOF_HEADER = "huzhu-office-proof";

    /** The JOSE type of an office's record proof. */
    public static final String OFFICE_PROOF_TYPE = "office-record+jwt";

    /** Topic settings of the inbound topics: as every event topic, and records stamped with the broker's append time. */
    public static final java.util.Map<String, String> INBOUND_TOPIC_CONFIG =
            java.util.Map.of("retention.ms", "-1", "retention.bytes", "-1", "message.timestamp.type", "LogAppendTime");

    /** The topics district offices write to. */
    public static final java.util.Set<String> INBOUND =
            java.util.Set.of(REGIONAL_ENROLLMENT_BATCHES, REGIONAL_HOSPITAL_SETTLEMENTS);

    /** The settings a topic is made with: {@link #INBOUND_TOPIC_CONFIG} for an inbound topic, else {@link #EVENT_TOPIC_CONFIG}. */
    public static java.util.Map<String, String> configOf(String topic) {
        return INBOUND.contains(topic) ? INBOUND_TOPIC_CONFIG : EVENT_TOPIC_CONFIG;
    }

    /**
     * The answers to one district office's enrolment batches, {@code EnrollmentBatchProcessed} keyed by batch id: a topic
     * per office (its id, as its identity names it), so that each office may read its own answers only.
     */
    public static String regionalEnrollmentResults(String officeId) {
        return REGIONAL_ENROLLMENT_RESULTS + "." + officeId;
    }

    /**
     * The answers to one district office's hospital settlements, {@code HospitalSettlementAnswered} (the mutual-aid amount
     * of each settlement) keyed by settlement id.
     */
    public static String regionalSettlementResults(String officeId) {
        return REGIONAL_SETTLEMENT_RESULTS + "." + officeId;
    }

    /** The answer topics of one office (its enrolment batches', its hospital settlements'). */
    public static java.util.List<String> answerTopicsOf(String officeId) {
        return java.util.List.of(regionalEnrollmentResults(officeId), regionalSettlementResults(officeId));
    }

    /** Suffix of the dead-letter topic of a topic (spring-kafka's default naming). */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    /** Partitions of every event topic; dead-letter topics have the same number so a record keeps its partition. */
    public static final int EVENT_TOPIC_PARTITIONS = 6;

    /** Topic settings of every event topic and dead-letter topic: records are kept forever. */
    public static final java.util.Map<String, String> EVENT_TOPIC_CONFIG =
            java.util.Map.of("retention.ms", "-1", "retention.bytes", "-1");

    private Topics() {}

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
