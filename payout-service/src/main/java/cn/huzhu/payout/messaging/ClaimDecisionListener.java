package cn.huzhu.payout.messaging;

import cn.huzhu.axon.Conflicts;
import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.claims.ApprovedBenefit;
import cn.huzhu.contracts.claims.ClaimApproved;
import cn.huzhu.contracts.claims.ClaimRevoked;
import cn.huzhu.payout.command.PayoutCommands.RevokePayout;
import cn.huzhu.payout.command.PayoutCommands.SchedulePayout;
import cn.huzhu.payout.command.PayoutIds;
import cn.huzhu.payout.query.PayoutQueries;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Claims' decisions: one payout scheduled per benefit of an approved claim (unless the hospital paid it at its desk), and
 * the payouts of a revoked claim cancelled or recovered. A decision delivered again, or the topic replayed from its
 * start, finds its payouts scheduled and changes nothing. A record that cannot be read goes to the dead-letter topic.
 */
@Component
public class ClaimDecisionListener {

    private static final Logger log = LoggerFactory.getLogger(ClaimDecisionListener.class);

    private final CommandGateway commands;
    private final PayoutQueries queries;

    public ClaimDecisionListener(CommandGateway commands, PayoutQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @KafkaListener(id = "payout-claims", topics = Topics.CLAIMS, concurrency = "${huzhu.kafka.claim-consumers}")
    public void on(ConsumerRecord<String, byte[]> record) {
        SpecificRecord event = EventCodec.contracts().decode(record.value());
        if (event instanceof ClaimApproved approved) {
            schedule(approved);
        } else if (event instanceof ClaimRevoked revoked) {
            revoke(revoked);
        }
    }

    private void schedule(ClaimApproved c) {
        if (c.getHospitalSettlement() != null) {
            log.debug("Claim {} was settled at the hospital: nothing to transfer", c.getClaimId());
            return;
        }
        for (ApprovedBenefit b : c.getBenefits()) {
            String claimId = c.getClaimId().toString();
            String enrollmentId = b.getEnrollmentId().toString();
            Conflicts.sendRetrying(commands, new SchedulePayout(PayoutIds.payout(claimId, enrollmentId), claimId, c.getMemberId().toString(),
                    enrollmentId, b.getPlanId(), c.getType(), b.getAmount(), c.getDecidedOn()));
        }
    }

    private void revoke(ClaimRevoked r) {
        String claimId = r.getClaimId().toString();
        for (UUID enrollmentId : r.getEnrollmentIds()) {
            String payoutId = PayoutIds.payout(claimId, enrollmentId.toString());
            if (queries.payout(UUID.fromString(payoutId)).isPresent()) {
                Conflicts.sendRetrying(commands, new RevokePayout(payoutId, r.getReason(), r.getRevokedOn()));
            }
        }
    }
}
