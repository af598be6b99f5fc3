package cn.huzhu.claims.command.claim;

import cn.huzhu.claims.command.Actor;
import cn.huzhu.claims.command.account.AccountId;
import cn.huzhu.claims.command.account.BenefitAccountAggregate;
import cn.huzhu.claims.command.ledger.LedgerId;
import cn.huzhu.claims.command.ledger.LifetimeLedgerAggregate;
import cn.huzhu.claims.command.stay.RegisterId;
import cn.huzhu.claims.command.stay.StayRegisterAggregate;
import cn.huzhu.claims.engine.Adjudication;
import cn.huzhu.claims.engine.BenefitAccount;
import cn.huzhu.claims.engine.BenefitEngine;
import cn.huzhu.claims.engine.Claim;
import cn.huzhu.claims.engine.Coverage;
import cn.huzhu.claims.engine.RejectionCode;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.Money;
import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.TypedId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Adjudicates a claim under every enrolment of the member whose premium is collected and that covers the
 * event date, each against its benefit account, and records the claim with its decision: all in one unit of
 * work. A claim that does not add up, has exclusions flagged or comes to more than the review threshold goes
 * to review: the amounts are proposed, nothing is charged until an adjudicator approves. The same claim sent
 * again is answered as decided, paid once; a claim the engine rejected is decided again (the cover or the
 * plan may have arrived since). A settlement number that comes again with another patient or bill is refused.
 */
public class ClaimHandler {

    private final Repository<ClaimAggregate> claims;
    private final Repository<BenefitAccountAggregate> accounts;
    private final Repository<LifetimeLedgerAggregate> ledgers;
    private final Repository<StayRegisterAggregate> registers;
    private final CoverageDirectory coverages;
    private final MemberDirectory members;
    private final PlanDirectory plans;
    private final EventStorageEngine storage;
    private final BigDecimal reviewThreshold;
    private final Duration coverageWait;
    private final Clock clock;

    /** Why a claim filed by a member or their unit waits: its bill is confirmed against the documents by an adjudicator. */
    static final String BILL_TO_CONFIRM =
            "Filed by the member or their unit: an adjudicator confirms the bill before anything is paid";

    public ClaimHandler(
            Repository<ClaimAggregate> claims,
            Repository<BenefitAccountAggregate> accounts,
            Repository<LifetimeLedgerAggregate> ledgers,
            Repository<StayRegisterAggregate> registers,
            CoverageDirectory coverages,
            MemberDirectory members,
            PlanDirectory plans,
            EventStorageEngine storage,
            BigDecimal reviewThreshold,
            Duration coverageWait,
            Clock clock) {
        this.claims = claims;
        this.accounts = accounts;
        this.ledgers = ledgers;
        this.registers = registers;
        this.coverages = coverages;
        this.members = members;
        this.plans = plans;
        this.storage = storage;
        this.reviewThreshold = reviewThreshold;
        this.coverageWait = coverageWait;
        this.clock = clock;
    }

    /**
     * The claim's id, whether this command recorded it (false: the same claim was recorded before), and the
     * decision it made (null when the claim was left as it was).
     */
    public record Submitted(ClaimId claimId, boolean created, ClaimAdjudicatedEvent decision) {}

    /**
     * One coverage's assessment, the account it was made against (null: no account yet) and the member's lifetime
     * payments under the plan it took into account (the ledger is null when there is none yet).
     */
    private record Assessment(
            Aggregate<BenefitAccountAggregate> account,
            Coverage coverage,
            Adjudication result,
            Aggregate<LifetimeLedgerAggregate> ledger,
            Set<String> paidElsewhere) {}

    /** The benefits of every coverage, the claim-level rejection when no coverage is in force, and the assessments to charge. */
    private record Outcome(
            List<BenefitDecision> benefits, BigDecimal total, StoredRejection rejection, List<Assessment> assessments) {

        ClaimAggregate.Assessed assessed() {
            return new ClaimAggregate.Assessed(total, benefits, rejection);
        }
    }

    @CommandHandler
    public Submitted handle(SubmitClaimCommand command) throws Exception {
        Aggregate<ClaimAggregate> known =
                storage.lastSequenceNumberFor(command.claimId().value()).isPresent()
                        ? claims.load(command.claimId().value())
                        : null;
        if (known != null) {
            known.execute(claim -> claim.checkResent(command.memberId(), command.claim(), command.settlement()));
        }
        if (known != null && known.invoke(ClaimAggregate::settled)) {
            return new Submitted(command.claimId(), false, null);
        }
        if (known == null && !members.exists(command.memberId().value())) {
            throw new UnknownMemberException(command.memberId().value());
        }
        Aggregate<StayRegisterAggregate> register = registerOf(command.memberId());
        register.execute(r -> r.claim(command.claimId(), command.claim()));
        boolean byAdjudicator = command.filedBy().actsAs(Actor.Capacity.ADJUDICATOR);
        List<String> checks = new ArrayList<>(ClaimChecks.inconsistencies(command.claim()));
        checks.addAll(ClaimChecks.suspectedExclusions(command.claim(), byAdjudicator));
        if (command.settlement() == null && !byAdjudicator) {
            checks.add(BILL_TO_CONFIRM);
        }
        // A hospital's desk needs its answer now; a claim made to the union may wait a while for the member's cover.
        Instant waitUntil = command.settlement() == null ? clock.instant().plus(coverageWait) : null;
        ClaimAdjudicatedEvent decision = decide(
                new Filed(
                        command.claimId(),
                        command.memberId(),
                        command.claim(),
                        command.hospital(),
                        command.submittedOn(),
                        command.settlement(),
                        command.filedBy().subject(),
                        byAdjudicator),
                checks,
                waitUntil);
        if (decision.status() == ClaimStatus.REJECTED) {
            register.execute(r -> r.release(command.claimId()));
        }
        if (known != null) {
            ClaimAdjudicatedEvent again = decision;
            known.execute(claim -> claim.decideAgain(again));
            return new Submitted(command.claimId(), false, decision);
        }
        ClaimAdjudicatedEvent first = decision;
        claims.newInstance(() -> new ClaimAggregate(first));
        return new Submitted(command.claimId(), true, decision);
    }

    /** A claim as filed, what its decision is made from. */
    private record Filed(
            ClaimId claimId,
            MemberId memberId,
            Claim claim,
            String hospital,
            LocalDate submittedOn,
            HospitalSettlement settlement,
            String filedBy,
            boolean byAdjudicator) {}

    /**
     * Decides a claim: to review when a check asks for it (or the amount is over the threshold) and something would be
     * paid; otherwise approved or rejected, and charged. Exclusions an adjudicator asserts apply at once (the benefit is
     * rejected with its code); suspected ones are proposed as not applying, and the adjudicator reviewing the claim
     * decides. With {@code waitUntil}, a claim of a member without cover on the event date waits for it (PENDING_COVERAGE)
     * instead of being rejected: cover reaches claims over Kafka, a moment after the enrolment.
     */
    private ClaimAdjudicatedEvent decide(Filed f, List<String> checks, Instant waitUntil) throws Exception {
        Claim proposed = f.byAdjudicator() ? f.claim() : ClaimAggregate.withoutExclusions(f.claim());
        Outcome proposal = assess(f.memberId(), proposed);
        if (waitUntil != null
                && proposal.rejection() != null
                && proposal.rejection().is(RejectionCode.NO_COVERAGE)) {
            return new ClaimAdjudicatedEvent(
                    f.claimId(),
                    f.memberId(),
                    StoredClaim.of(f.claim()),
                    f.hospital(),
                    f.submittedOn(),
                    ClaimStatus.PENDING_COVERAGE,
                    Money.ZERO.yuan(),
                    List.of(),
                    StoredRejection.of(
                            RejectionCode.COVERAGE_NOT_YET_KNOWN,
                            "No enrolment covering " + f.claim().eventDate()
                                    + " has reached claims yet: the claim is decided when it does, or rejected NO_COVERAGE at "
                                    + waitUntil),
                    checks,
                    null,
                    f.settlement(),
                    f.filedBy(),
                    waitUntil);
        }
        List<String> reviewReasons = new ArrayList<>(checks);
        reviewReasons.addAll(ClaimChecks.amount(proposal.total(), reviewThreshold));
        if (!reviewReasons.isEmpty() && proposal.total().signum() > 0) {
            return new ClaimAdjudicatedEvent(
                    f.claimId(),
                    f.memberId(),
                    StoredClaim.of(f.claim()),
                    f.hospital(),
                    f.submittedOn(),
                    ClaimStatus.IN_REVIEW,
                    proposal.total(),
                    proposal.benefits(),
                    null,
                    reviewReasons,
                    null,
                    f.settlement(),
                    f.filedBy());
        }
        Outcome outcome = proposed.equals(f.claim()) ? proposal : assess(f.memberId(), f.claim());
        charge(f.claimId(), f.memberId(), outcome);
        return ClaimAdjudicatedEvent.decided(
                f.claimId(),
                f.memberId(),
                StoredClaim.of(f.claim()),
                f.hospital(),
                f.submittedOn(),
                outcome.assessed(),
                null,
                f.settlement(),
                f.filedBy());
    }

    /**
     * A claim waiting for cover, decided by the cover known now: once cover has come, as any claim; without it, left
     * waiting until its time is up, then rejected NO_COVERAGE. A claim no longer waiting is left as it is, so each
     * waiting claim is decided once however often this is sent.
     */
    @CommandHandler
    public void handle(DecidePendingClaimCommand command) throws Exception {
        Aggregate<ClaimAggregate> claim = claims.load(command.claimId().value());
        if (!claim.invoke(ClaimAggregate::pendingCoverage)) {
            return;
        }
        ClaimAdjudicatedEvent pending = claim.invoke(ClaimAggregate::last);
        Instant waitUntil = command.now().isBefore(pending.pendingUntil()) ? pending.pendingUntil() : null;
        // a claim waits only when made to the union (no settlement): its filer was not an adjudicator exactly when the
        // bill waits for one's confirmation
        Filed filed = new Filed(
                pending.claimId(),
                pending.memberId(),
                pending.claim().toClaim(),
                pending.hospital(),
                pending.submittedOn(),
                pending.settlement(),
                pending.filedBy(),
                !pending.reviewReasons().contains(BILL_TO_CONFIRM));
        ClaimAdjudicatedEvent decision = decide(filed, pending.reviewReasons(), waitUntil);
        if (decision.status() == ClaimStatus.PENDING_COVERAGE) {
            return;
        }
        if (decision.status() == ClaimStatus.REJECTED) {
            registerOf(pending.memberId()).execute(r -> r.release(pending.claimId()));
        }
        claim.execute(c -> c.decideAgain(decision));
    }

    /**
     * An adjudicator's decision on a claim in review, as the claim rules it (see {@link ClaimAggregate#recordReview}); an
     * approval is assessed and charged against the benefit accounts as they are now, in the same unit of work.
     */
    @CommandHandler
    public void handle(ReviewClaimCommand command) throws Exception {
        Aggregate<ClaimAggregate> claim = claims.load(command.claimId().value());
        claim.execute(c -> c.review(command)); // refused here, before anything is charged
        ClaimAggregate.Assessed approved = null;
        if (command.approve()) {
            MemberId memberId = claim.invoke(c -> c.last().memberId());
            Outcome outcome = assess(memberId, claim.invoke(ClaimAggregate::toApprove));
            charge(command.claimId(), memberId, outcome);
            approved = outcome.assessed();
        }
        ClaimAggregate.Assessed decision = approved;
        claim.execute(c -> c.recordReview(command, decision));
    }

    /**
     * Revokes an approved claim: every benefit account it charged is restored, and the claim records the
     * revocation (the paid total is to be recovered by payouts). Revoking again changes nothing.
     */
    @CommandHandler
    public void handle(RevokeClaimCommand command) throws Exception {
        Aggregate<ClaimAggregate> claim = claims.load(command.claimId().value());
        MemberId memberId = claim.invoke(c -> c.last().memberId());
        for (BenefitDecision benefit : claim.invoke(ClaimAggregate::toTakeBack)) {
            accounts.load(BenefitAccountAggregate.idOf(benefit.enrollmentId()).value())
                    .execute(a -> a.restore(command.claimId()));
            Aggregate<LifetimeLedgerAggregate> ledger =
                    existing(ledgers, LifetimeLedgerAggregate.idOf(memberId, benefit.planId()));
            if (ledger != null) {
                ledger.execute(l -> l.restore(command.claimId()));
            }
        }
        claim.execute(c -> c.revoke(command));
    }

    /** The member's register of claimed stays, opened with their first claim. */
    private Aggregate<StayRegisterAggregate> registerOf(MemberId memberId) throws Exception {
        RegisterId id = StayRegisterAggregate.idOf(memberId);
        Aggregate<StayRegisterAggregate> register = existing(registers, id);
        return register != null ? register : registers.newInstance(() -> new StayRegisterAggregate(id, memberId));
    }

    /**
     * Records the approved assessments on their benefit accounts, opening an account on its first payment, and what
     * every assessment keeps for the member's life (a once-in-a-life payment; a first diagnosis, even one that paid nothing).
     */
    private void charge(ClaimId claimId, MemberId memberId, Outcome outcome) throws Exception {
        for (Assessment assessment : outcome.assessments()) {
            Coverage coverage = assessment.coverage();
            if (assessment.result().approved()) {
                AccountId accountId = BenefitAccountAggregate.idOf(enrollmentOf(coverage));
                Aggregate<BenefitAccountAggregate> account = assessment.account() != null
                        ? assessment.account()
                        : accounts.newInstance(
                                () -> new BenefitAccountAggregate(accountId, enrollmentOf(coverage), memberId));
                account.execute(a ->
                        a.charge(claimId, enrollmentOf(coverage), assessment.result(), assessment.paidElsewhere()));
            }
            Set<String> lifetime =
                    new HashSet<>(assessment.result().accountAfter().lifetimePayments());
            lifetime.removeAll(assessment.paidElsewhere());
            if (!lifetime.isEmpty()) {
                LedgerId ledgerId = LifetimeLedgerAggregate.idOf(memberId, planOf(coverage));
                Aggregate<LifetimeLedgerAggregate> ledger = assessment.ledger() != null
                        ? assessment.ledger()
                        : ledgers.newInstance(() -> new LifetimeLedgerAggregate(ledgerId, memberId, planOf(coverage)));
                ledger.execute(l -> l.record(claimId, lifetime));
            }
        }
    }

    /** Adjudicates under every coverage in force, each against its benefit account as it is; nothing is recorded. */
    private Outcome assess(MemberId memberId, Claim claim) {
        List<CoverageDirectory.CoverageFacts> found = coverages.coveragesOn(memberId.value(), claim.eventDate());
        List<BenefitDecision> benefits = new ArrayList<>();
        List<Assessment> assessments = new ArrayList<>();
        StoredRejection rejection = null;
        if (found.isEmpty()) {
            rejection = StoredRejection.of(
                    RejectionCode.NO_COVERAGE, "The member has no enrolment that covers " + claim.eventDate());
        } else if (found.stream().noneMatch(CoverageDirectory.CoverageFacts::collected)) {
            rejection = StoredRejection.of(
                    RejectionCode.PREMIUM_NOT_COLLECTED,
                    "The enrolments that cover " + claim.eventDate()
                            + " are not in force: their premium is not collected");
        }
        for (CoverageDirectory.CoverageFacts facts : found) {
            if (!facts.collected()) {
                continue;
            }
            var coverage = facts.coverage();
            var rules = plans.rulesOn(coverage.planId(), claim.eventDate());
            if (rules.isEmpty()) {
                benefits.add(new BenefitDecision(
                        planOf(coverage),
                        coverage.planVersion(),
                        enrollmentOf(coverage),
                        Money.ZERO.yuan(),
                        List.of(),
                        StoredRejection.of(
                                RejectionCode.PLAN_UNKNOWN,
                                "The rules of plan " + coverage.planId() + " on " + claim.eventDate()
                                        + " are not known yet")));
                continue;
            }
            Aggregate<BenefitAccountAggregate> account =
                    existing(accounts, BenefitAccountAggregate.idOf(enrollmentOf(coverage)));
            Aggregate<LifetimeLedgerAggregate> ledger = rules.get().paysOncePerLifetime()
                    ? existing(ledgers, LifetimeLedgerAggregate.idOf(memberId, planOf(coverage)))
                    : null;
            Set<String> paidElsewhere = ledger == null ? Set.of() : ledger.invoke(LifetimeLedgerAggregate::paid);
            Adjudication result = account != null
                    ? account.invoke(a -> a.assess(rules.get(), coverage, claim, paidElsewhere))
                    : BenefitEngine.adjudicate(
                            rules.get(), coverage, BenefitAccount.EMPTY.withPaid(paidElsewhere), claim);
            assessments.add(new Assessment(account, coverage, result, ledger, paidElsewhere));
            benefits.add(new BenefitDecision(
                    planOf(coverage),
                    rules.get().version(),
                    enrollmentOf(coverage),
                    result.amount(),
                    result.lines().stream().map(StoredLine::of).toList(),
                    StoredRejection.of(result.rejection())));
        }
        BigDecimal total = benefits.stream().map(BenefitDecision::amount).reduce(Money.ZERO.yuan(), BigDecimal::add);
        if (rejection == null && total.signum() == 0) {
            rejection = benefits.stream()
                    .map(BenefitDecision::rejection)
                    .filter(r -> r != null)
                    .findFirst()
                    .orElse(StoredRejection.of(RejectionCode.NO_BENEFIT, "No enrolment pays for this claim"));
        }
        return new Outcome(benefits, total, rejection, assessments);
    }

    /** The aggregate if it exists (from the cache or the event store), else null. */
    private static <T> Aggregate<T> existing(Repository<T> repository, TypedId id) {
        try {
            return repository.load(id.value());
        } catch (AggregateNotFoundException e) {
            return null;
        }
    }

    /** The enrolment a coverage the engine read is of. */
    private static EnrollmentId enrollmentOf(Coverage coverage) {
        return new EnrollmentId(coverage.enrollmentId());
    }

    /** The plan a coverage the engine read is of. */
    private static PlanId planOf(Coverage coverage) {
        return new PlanId(coverage.planId());
    }
}
