package cn.huzhu.payout.messaging;

import cn.huzhu.axon.CommandGroups;
import cn.huzhu.axon.Conflicts;
import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.claims.ApprovedBenefit;
import cn.huzhu.contracts.claims.ClaimApproved;
import cn.huzhu.contracts.claims.ClaimRevoked;
import cn.huzhu.payout.command.PayoutIds;
import cn.huzhu.payout.command.payout.RevokePayoutCommand;
import cn.huzhu.payout.command.payout.ScheduleNewPayoutCommand;
import cn.huzhu.payout.command.payout.SchedulePayoutCommand;
import cn.huzhu.payout.dispatch.PayoutSettings;
import cn.huzhu.payout.query.PayoutQueries;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.PlanId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Claims' decisions: one payout scheduled per benefit of an approved claim (unless the hospital paid it at its desk), and
 * the payouts of a revoked claim cancelled or recovered. A decision delivered again, or the topic replayed from its
 * start, finds its payouts scheduled and changes nothing. A record that cannot be read goes to the dead-letter topic.
 */
@Component
public class ClaimDecisionListener {

    private static final Logger log = LoggerFactory.getLogger(ClaimDecisionListener.class);

    /** The listener's consumer group, as its dead letters name it. */
    public static final String GROUP = "payout-claims";

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final PayoutQueries queries;
    private final int groupSize;

    public ClaimDecisionListener(
            CommandGateway commands, TransactionManager transactions, PayoutQueries queries, PayoutSettings settings) {
        this.commands = commands;
        this.transactions = transactions;
        this.queries = queries;
        this.groupSize = settings.groupSize();
    }

    /**
     * A poll's decisions: approvals are scheduled together, in one transaction (a revocation, rare, alone, after the
     * approvals before it). A group that fails is applied again one decision at a time, so a decision that cannot be
     * applied is found and goes to the dead-letter topic after the decisions before it, and those after it follow.
     */
    @KafkaListener(id = GROUP, topics = Topics.CLAIMS, concurrency = "${huzhu.kafka.claim-consumers}", batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        List<ClaimApproved> approvals = new ArrayList<>();
        List<Object> decoded =
                records.stream().map(ClaimDecisionListener::decode).toList();
        Map<UUID, ClaimRevoked> revokedLater = new HashMap<>();
        decoded.stream()
                .filter(ClaimRevoked.class::isInstance)
                .map(ClaimRevoked.class::cast)
                .forEach(r -> revokedLater.put(r.getClaimId(), r));
        int first = 0;
        for (int i = 0; i < records.size(); i++) {
            if (decoded.get(i) instanceof RuntimeException unreadable) {
                scheduleAll(approvals, first);
                throw new BatchListenerFailedException("A claims record that cannot be read", unreadable, i);
            }
            Object event = decoded.get(i);
            if (event instanceof ClaimApproved approved && revokedLater.containsKey(approved.getClaimId())) {
                // revoked further on in this poll (a replay of dead letters, a late delivery): the revocation is held
                // first, so the payout is cancelled as it is scheduled, never sent in between
                try {
                    revoke(revokedLater.get(approved.getClaimId()));
                } catch (RuntimeException e) {
                    scheduleAll(approvals, first);
                    throw new BatchListenerFailedException(
                            "Revocation of claim " + approved.getClaimId() + " not applied", e, i);
                }
            }
            if (event instanceof ClaimRevoked revoked) {
                scheduleAll(approvals, first);
                approvals = new ArrayList<>();
                first = i + 1;
                try {
                    revoke(revoked);
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(
                            "Revocation of claim " + revoked.getClaimId() + " not applied", e, i);
                }
            } else if (event instanceof ClaimApproved approved) {
                approvals.add(approved);
            } else {
                approvals.add(null); // another decision: nothing to pay, but it keeps its place in the poll
            }
        }
        scheduleAll(approvals, first);
    }

    /**
     * Schedules the approvals (records {@code first}, {@code first + 1}, ... of the poll; null: nothing to schedule) in
     * groups of the configured size: each command of a group reads the events staged before it, so groups are kept small.
     */
    private void scheduleAll(List<ClaimApproved> approvals, int first) {
        for (int from = 0; from < approvals.size(); from += groupSize) {
            scheduleGroup(approvals.subList(from, Math.min(approvals.size(), from + groupSize)), first + from);
        }
    }

    /**
     * One group in one transaction. Payouts the view already holds (a decision delivered again) are left out and the
     * others created outright, without first looking for their events; should one exist after all (a decision handled
     * twice at once), the group rolls back and is scheduled again one decision at a time, idempotently.
     */
    private void scheduleGroup(List<ClaimApproved> approvals, int first) {
        List<SchedulePayoutCommand> payouts =
                approvals.stream().flatMap(a -> payoutsOf(a).stream()).toList();
        if (payouts.isEmpty()) {
            return;
        }
        try {
            Set<UUID> known = new HashSet<>(queries.existing(payouts.stream()
                    .map(p -> UUID.fromString(p.payoutId().value()))
                    .toList()));
            CommandGroups.together(transactions, () -> {
                for (SchedulePayoutCommand p : payouts) {
                    if (known.add(UUID.fromString(p.payoutId().value()))) {
                        commands.sendAndWait(new ScheduleNewPayoutCommand(p.payoutId(), p));
                    }
                }
                return null;
            });
        } catch (RuntimeException groupFailed) {
            log.debug("Approvals scheduled one by one after the group failed: {}", groupFailed.toString());
            for (int i = 0; i < approvals.size(); i++) {
                try {
                    payoutsOf(approvals.get(i)).forEach(p -> Conflicts.sendRetrying(commands, p));
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(
                            "Approval of claim " + approvals.get(i).getClaimId() + " not scheduled", e, first + i);
                }
            }
        }
    }

    /** The payouts an approval asks for: one per benefit, none when the hospital paid at its desk (or for no approval). */
    private static List<SchedulePayoutCommand> payoutsOf(ClaimApproved c) {
        if (c == null) {
            return List.of();
        }
        if (c.getHospitalSettlement() != null) {
            log.debug("Claim {} was settled at the hospital: nothing to transfer", c.getClaimId());
            return List.of();
        }
        List<SchedulePayoutCommand> payouts = new ArrayList<>();
        for (ApprovedBenefit b : c.getBenefits()) {
            ClaimId claimId = ClaimId.of(c.getClaimId());
            EnrollmentId enrollmentId = EnrollmentId.of(b.getEnrollmentId());
            payouts.add(new SchedulePayoutCommand(
                    PayoutIds.payout(claimId, enrollmentId),
                    claimId,
                    MemberId.of(c.getMemberId()),
                    enrollmentId,
                    new PlanId(b.getPlanId()),
                    c.getType(),
                    b.getAmount(),
                    c.getDecidedOn()));
        }
        return payouts;
    }

    /**
     * Revokes the claim's payouts; one not scheduled yet (its approval not applied: dead-lettered, or later in this poll)
     * keeps the revocation until its approval comes, so that approval pays nothing.
     */
    private void revoke(ClaimRevoked r) {
        ClaimId claimId = ClaimId.of(r.getClaimId());
        for (UUID enrollmentId : r.getEnrollmentIds()) {
            Conflicts.sendRetrying(
                    commands,
                    new RevokePayoutCommand(
                            PayoutIds.payout(claimId, EnrollmentId.of(enrollmentId)), r.getReason(), r.getRevokedOn()));
        }
    }

    /** The record's contract event, or the failure to read it (answered where the poll's loop meets it). */
    private static Object decode(ConsumerRecord<String, byte[]> record) {
        try {
            return EventCodec.contracts().decode(record.value());
        } catch (RuntimeException unreadable) {
            return unreadable;
        }
    }
}
