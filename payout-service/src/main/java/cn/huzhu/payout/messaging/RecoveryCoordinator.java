package cn.huzhu.payout.messaging;

import cn.huzhu.axon.Conflicts;
import cn.huzhu.payout.command.PayoutEvents.PayoutCancelled;
import cn.huzhu.payout.command.PayoutEvents.PayoutRevoked;
import cn.huzhu.payout.command.RecoveryAggregate;
import cn.huzhu.payout.command.RecoveryCommands.OpenRecovery;
import cn.huzhu.payout.command.RecoveryCommands.ReturnOffset;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A payout revoked after it was paid opens a recovery in the member's account; one cancelled after an amount was kept
 * back from it gives that amount back to the debt. A streaming processor: each event is acted on at least once, and
 * the recovery account does each thing once per payout.
 */
@Component
@ProcessingGroup("recoveries")
public class RecoveryCoordinator {

    private final CommandGateway commands;

    public RecoveryCoordinator(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PayoutRevoked e) {
        Conflicts.sendRetrying(commands, new OpenRecovery(RecoveryAggregate.idOf(e.memberId()), e.memberId(), e.payoutId(), e.claimId(),
                e.toRecover(), e.on()));
    }

    @EventHandler
    void on(PayoutCancelled e) {
        Conflicts.sendRetrying(commands, new ReturnOffset(RecoveryAggregate.idOf(e.memberId()), e.memberId(), e.payoutId(), e.on()));
    }
}
