package cn.huzhu.claims.command;

import cn.huzhu.claims.engine.Adjudication;
import cn.huzhu.claims.engine.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Adjudicates a claim under every enrolment of the member whose premium is collected and that covers the
 * event date, each against its benefit account, and records the claim with its decision: all in one unit of
 * work. The same claim sent again is answered as approved before, with no second payment; a claim rejected
 * before is decided again (the cover or the plan may have arrived since).
 */
public class ClaimHandler {

    private final Repository<ClaimAggregate> claims;
    private final Repository<BenefitAccountAggregate> accounts;
    private final CoverageDirectory coverages;
    private final PlanDirectory plans;
    private final EventStorageEngine storage;

    public ClaimHandler(Repository<ClaimAggregate> claims, Repository<BenefitAccountAggregate> accounts, CoverageDirectory coverages,
                        PlanDirectory plans, EventStorageEngine storage) {
        this.claims = claims;
        this.accounts = accounts;
        this.coverages = coverages;
        this.plans = plans;
        this.storage = storage;
    }

    /** The claim's id, and whether this command recorded it (false: the same claim was recorded before). */
    public record Submitted(String claimId, boolean created) {
    }

    @CommandHandler
    public Submitted handle(SubmitClaimCommand command) throws Exception {
        Aggregate<ClaimAggregate> known = storage.lastSequenceNumberFor(command.claimId()).isPresent() ? claims.load(command.claimId()) : null;
        if (known != null && known.invoke(ClaimAggregate::approved)) {
            return new Submitted(command.claimId(), false);
        }
        List<CoverageDirectory.CoverageFacts> found = coverages.coveragesOn(command.memberId(), command.claim().eventDate());
        List<BenefitDecision> benefits = new ArrayList<>();
        Rejection rejection = null;
        if (found.isEmpty()) {
            rejection = new Rejection("NO_COVERAGE", "The member has no enrolment that covers " + command.claim().eventDate());
        } else if (found.stream().noneMatch(CoverageDirectory.CoverageFacts::collected)) {
            rejection = new Rejection("PREMIUM_NOT_COLLECTED", "The enrolments that cover " + command.claim().eventDate()
                    + " are not in force: their premium is not collected");
        }
        for (CoverageDirectory.CoverageFacts facts : found) {
            if (!facts.collected()) {
                continue;
            }
            var coverage = facts.coverage();
            var rules = plans.rulesOn(coverage.planId(), command.claim().eventDate());
            if (rules.isEmpty()) {
                benefits.add(new BenefitDecision(coverage.planId(), coverage.planVersion(), coverage.enrollmentId(), BigDecimal.ZERO.setScale(2),
                        List.of(), new Rejection("PLAN_UNKNOWN", "The rules of plan " + coverage.planId() + " on "
                        + command.claim().eventDate() + " are not known yet")));
                continue;
            }
            String accountId = BenefitAccountAggregate.idOf(coverage.enrollmentId());
            Aggregate<BenefitAccountAggregate> account = storage.lastSequenceNumberFor(accountId).isPresent()
                    ? accounts.load(accountId)
                    : accounts.newInstance(() -> new BenefitAccountAggregate(accountId, coverage.enrollmentId(), command.memberId()));
            Adjudication result = account.invoke(a -> a.adjudicate(command.claimId(), rules.get(), coverage, command.claim()));
            benefits.add(new BenefitDecision(coverage.planId(), rules.get().version(), coverage.enrollmentId(), result.amount(), result.lines(),
                    result.rejection()));
        }
        BigDecimal total = benefits.stream().map(BenefitDecision::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        if (rejection == null && total.signum() == 0) {
            rejection = benefits.stream().map(BenefitDecision::rejection).filter(r -> r != null).findFirst()
                    .orElse(new Rejection("NO_BENEFIT", "No enrolment pays for this claim"));
        }
        ClaimStatus status = total.signum() > 0 ? ClaimStatus.APPROVED : ClaimStatus.REJECTED;
        ClaimAdjudicatedEvent decision = new ClaimAdjudicatedEvent(command.claimId(), command.memberId(), command.claim(), command.hospital(),
                command.submittedOn(), status, total, benefits, status == ClaimStatus.APPROVED ? null : rejection);
        if (known != null) {
            known.execute(claim -> claim.decideAgain(decision));
            return new Submitted(command.claimId(), false);
        }
        claims.newInstance(() -> new ClaimAggregate(decision));
        return new Submitted(command.claimId(), true);
    }
}
