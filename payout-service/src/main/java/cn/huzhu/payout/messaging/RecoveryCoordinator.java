package cn.huzhu.payout.messaging;

import cn.huzhu.axon.CommandOrigins;
import cn.huzhu.axon.Conflicts;
import cn.huzhu.payout.command.payout.PayoutCancelledEvent;
import cn.huzhu.payout.command.payout.PayoutRevokedEvent;
import cn.huzhu.payout.command.recovery.OpenRecoveryCommand;
import cn.huzhu.payout.command.recovery.RecoveryAggregate;
import cn.huzhu.payout.command.recovery.ReturnOffsetCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
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
    void on(PayoutRevokedEvent e, EventMessage<?> message) {
        Conflicts.sendRetrying(
                commands,
                CommandOrigins.causedBy(
                        message,
                        new OpenRecoveryCommand(
                                RecoveryAggregate.idOf(e.memberId()),
                                e.memberId(),
                                e.payoutId(),
                                e.claimId(),
                                e.toRecover(),
                                e.on())));
    }

    @EventHandler
    void on(PayoutCancelledEvent e, EventMessage<?> message) {
        Conflicts.sendRetrying(
                commands,
                CommandOrigins.causedBy(
                        message,
                        new ReturnOffsetCommand(
                                RecoveryAggregate.idOf(e.memberId()), e.memberId(), e.payoutId(), e.on())));
    }
}
