package cn.huzhu.claims.command.claim;

import cn.huzhu.claims.engine.Bill;
import cn.huzhu.claims.engine.Claim;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.PlanId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a claim decides itself: who reviews it and what a review records (four eyes), whether it may be revoked and what
 * the revocation takes back, whether a settlement sent again is the same stay, and that a settled claim is not decided
 * again. The benefit accounts' assessment is a fact handed in, as {@link ClaimHandler} gathers it.
 */
class ClaimAggregateTest {

    static final ClaimId CLAIM = new ClaimId("c-1");
    static final LocalDate FILED = LocalDate.of(2015, 3, 2);
    static final Claim STAY =
            Claim.hospitalization(LocalDate.of(2015, 2, 20), 10, Bill.settled("20000", "10000", "0", "2287.99", "0"));
    static final HospitalSettlement SETTLEMENT = new HospitalSettlement("越城区", "S-100");
    static final BenefitDecision PAYS = new BenefitDecision(
            new PlanId("shaoxing-hospital"), 1, new EnrollmentId("e-1"), new BigDecimal("2080.00"), List.of(), null);
    static final BenefitDecision PAYS_NOTHING = new BenefitDecision(
            new PlanId("shaoxing-2015-cancer"),
            1,
            new EnrollmentId("e-2"),
            new BigDecimal("0.00"),
            List.of(),
            new StoredRejection("NOT_COVERED", "not this plan's event"));

    /** An adjudicator's decision, with what the accounts give the claim as the handler assessed it (null for a rejection). */
    record Review(
            @TargetAggregateIdentifier ClaimId claimId, ReviewClaimCommand command, ClaimAggregate.Assessed approved) {}

    record Revoke(@TargetAggregateIdentifier ClaimId claimId, RevokeClaimCommand command) {}

    record Resend(
            @TargetAggregateIdentifier ClaimId claimId,
            MemberId memberId,
            Claim claim,
            HospitalSettlement settlement) {}

    record DecideAgain(@TargetAggregateIdentifier ClaimId claimId, ClaimAdjudicatedEvent decision) {}

    FixtureConfiguration<ClaimAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClaimAggregate.class);
        fixture.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            void handle(Review review) throws Exception {
                fixture.getRepository().load(review.claimId().value()).execute(c -> {
                    c.review(review.command());
                    c.recordReview(review.command(), review.approved());
                });
            }

            @CommandHandler
            List<BenefitDecision> handle(Revoke revoke) throws Exception {
                var claim = fixture.getRepository().load(revoke.claimId().value());
                List<BenefitDecision> takenBack = claim.invoke(ClaimAggregate::toTakeBack);
                claim.execute(c -> c.revoke(revoke.command()));
                return takenBack;
            }

            @CommandHandler
            void handle(Resend resend) throws Exception {
                fixture.getRepository()
                        .load(resend.claimId().value())
                        .execute(c -> c.checkResent(resend.memberId(), resend.claim(), resend.settlement()));
            }

            @CommandHandler
            void handle(DecideAgain again) throws Exception {
                fixture.getRepository().load(again.claimId().value()).execute(c -> c.decideAgain(again.decision()));
            }
        });
    }

    static ClaimAdjudicatedEvent decided(
            ClaimStatus status,
            String total,
            List<BenefitDecision> benefits,
            StoredRejection rejection,
            List<String> reasons,
            ClaimAdjudicatedEvent.Review review) {
        return new ClaimAdjudicatedEvent(
                CLAIM,
                new MemberId("m-1"),
                StoredClaim.of(STAY),
                "绍兴市人民医院",
                FILED,
                status,
                new BigDecimal(total),
                benefits,
                rejection,
                reasons,
                review,
                null,
                "clerk-1");
    }

    static final ClaimAdjudicatedEvent IN_REVIEW = decided(
            ClaimStatus.IN_REVIEW,
            "2080.00",
            List.of(PAYS, PAYS_NOTHING),
            null,
            List.of(ClaimHandler.BILL_TO_CONFIRM),
            null);
    static final ClaimAdjudicatedEvent APPROVED =
            decided(ClaimStatus.APPROVED, "2080.00", List.of(PAYS, PAYS_NOTHING), null, List.of(), null);

    static ReviewClaimCommand review(boolean approve, String reviewer) {
        return new ReviewClaimCommand(CLAIM, approve, "bill checked against the invoices", reviewer, FILED.plusDays(5));
    }

    @Test
    void anotherAdjudicatorApprovesWhatTheAccountsGiveNow() {
        ClaimAggregate.Assessed now = new ClaimAggregate.Assessed(new BigDecimal("750.00"), List.of(PAYS), null);
        fixture.given(IN_REVIEW)
                .when(new Review(CLAIM, review(true, "adjudicator-2"), now))
                .expectEvents(decided(
                        ClaimStatus.APPROVED,
                        "750.00",
                        List.of(PAYS),
                        null,
                        List.of(),
                        new ClaimAdjudicatedEvent.Review(
                                "APPROVE", "bill checked against the invoices", "adjudicator-2", FILED.plusDays(5))));
    }

    @Test
    void anApprovalThatFindsNothingLeftToPayIsRecordedAsRejected() {
        StoredRejection capUsed = new StoredRejection("CAP_REACHED", "the year's cap is used");
        ClaimAggregate.Assessed nothing =
                new ClaimAggregate.Assessed(new BigDecimal("0.00"), List.of(PAYS_NOTHING), capUsed);
        fixture.given(IN_REVIEW)
                .when(new Review(CLAIM, review(true, "adjudicator-2"), nothing))
                .expectEvents(decided(
                        ClaimStatus.REJECTED,
                        "0.00",
                        List.of(PAYS_NOTHING),
                        capUsed,
                        List.of(),
                        new ClaimAdjudicatedEvent.Review(
                                "APPROVE", "bill checked against the invoices", "adjudicator-2", FILED.plusDays(5))));
    }

    @Test
    void aRejectionInReviewKeepsTheProposalAndPaysNothing() {
        fixture.given(IN_REVIEW)
                .when(new Review(CLAIM, review(false, "adjudicator-2"), null))
                .expectEvents(decided(
                        ClaimStatus.REJECTED,
                        "0.00",
                        List.of(PAYS, PAYS_NOTHING),
                        new StoredRejection("REJECTED_IN_REVIEW", "bill checked against the invoices"),
                        List.of(ClaimHandler.BILL_TO_CONFIRM),
                        new ClaimAdjudicatedEvent.Review(
                                "REJECT", "bill checked against the invoices", "adjudicator-2", FILED.plusDays(5))));
    }

    @Test
    void whoFiledTheClaimMayNotReviewIt() {
        fixture.given(IN_REVIEW)
                .when(new Review(
                        CLAIM,
                        review(true, "clerk-1"),
                        new ClaimAggregate.Assessed(new BigDecimal("2080.00"), List.of(PAYS), null)))
                .expectException(FourEyesException.class)
                .expectNoEvents();
    }

    @Test
    void aClaimNotInReviewIsNotReviewed() {
        fixture.given(APPROVED)
                .when(new Review(CLAIM, review(false, "adjudicator-2"), null))
                .expectException(ClaimNotInReviewException.class)
                .expectNoEvents();
    }

    @Test
    void aRevocationTakesBackWhatPaidAndTheWholeTotalIsToBeRecovered() {
        RevokeClaimCommand revoke = new RevokeClaimCommand(CLAIM, "FRAUD", "forged invoice", FILED.plusDays(40));
        fixture.given(APPROVED)
                .when(new Revoke(CLAIM, revoke))
                .expectResultMessagePayload(List.of(PAYS))
                .expectEvents(new ClaimRevokedEvent(
                        CLAIM,
                        new MemberId("m-1"),
                        "FRAUD",
                        "forged invoice",
                        FILED.plusDays(40),
                        new BigDecimal("2080.00"),
                        List.of(PAYS)));
    }

    @Test
    void revokingAgainTakesNothingAndRecordsNothing() {
        RevokeClaimCommand revoke = new RevokeClaimCommand(CLAIM, "FRAUD", null, FILED.plusDays(40));
        fixture.given(
                        APPROVED,
                        new ClaimRevokedEvent(
                                CLAIM,
                                new MemberId("m-1"),
                                "FRAUD",
                                null,
                                FILED.plusDays(40),
                                new BigDecimal("2080.00"),
                                List.of(PAYS)))
                .when(new Revoke(CLAIM, revoke))
                .expectResultMessagePayload(List.of())
                .expectNoEvents();
    }

    @Test
    void onlyAnApprovedClaimIsRevoked() {
        fixture.given(IN_REVIEW)
                .when(new Revoke(CLAIM, new RevokeClaimCommand(CLAIM, "FRAUD", null, FILED.plusDays(40))))
                .expectException(ClaimNotApprovedException.class)
                .expectNoEvents();
    }

    @Test
    void aSettlementSentAgainWithTheSameStayIsAcceptedAndWithAnotherPatientOrBillRefused() {
        ClaimAdjudicatedEvent fromSettlement = new ClaimAdjudicatedEvent(
                CLAIM,
                new MemberId("m-1"),
                StoredClaim.of(STAY),
                "绍兴市人民医院",
                FILED,
                ClaimStatus.APPROVED,
                new BigDecimal("2080.00"),
                List.of(PAYS),
                null,
                List.of(),
                null,
                SETTLEMENT,
                "越城区");
        Claim sameBillOtherScale = Claim.hospitalization(
                LocalDate.of(2015, 2, 20), 10, Bill.settled("20000.00", "10000.00", "0", "2287.990", "0"));
        fixture.given(fromSettlement)
                .when(new Resend(CLAIM, new MemberId("m-1"), sameBillOtherScale, SETTLEMENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(fromSettlement)
                .when(new Resend(CLAIM, new MemberId("m-2"), STAY, SETTLEMENT))
                .expectException(SettlementConflictException.class);
        Claim billChanged = Claim.hospitalization(
                LocalDate.of(2015, 2, 20), 10, Bill.settled("20000", "10000", "0", "2287.98", "0"));
        fixture.given(fromSettlement)
                .when(new Resend(CLAIM, new MemberId("m-1"), billChanged, SETTLEMENT))
                .expectException(SettlementConflictException.class);
    }

    @Test
    void aRejectedClaimIsDecidedAgainButAnApprovedOneIsNot() {
        ClaimAdjudicatedEvent rejected = decided(
                ClaimStatus.REJECTED,
                "0.00",
                List.of(),
                new StoredRejection("PREMIUM_NOT_COLLECTED", "not yet"),
                List.of(),
                null);
        fixture.given(rejected).when(new DecideAgain(CLAIM, APPROVED)).expectEvents(APPROVED);
        fixture.given(APPROVED)
                .when(new DecideAgain(CLAIM, rejected))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }
}
