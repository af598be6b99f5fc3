package cn.huzhu.payout.dispatch;

import cn.huzhu.axon.CommandGroups;
import cn.huzhu.axon.Conflicts;
import cn.huzhu.payout.bank.BankGateway;
import cn.huzhu.payout.bank.BankGateway.Answer;
import cn.huzhu.payout.bank.BankGateway.Outcome;
import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.payout.command.payout.PayeeAccount;
import cn.huzhu.payout.command.payout.PayoutNotDispatchableException;
import cn.huzhu.payout.command.payout.RecordTransferOutcomeCommand;
import cn.huzhu.payout.command.payout.RequestTransferCommand;
import cn.huzhu.payout.command.payout.TransferOrder;
import cn.huzhu.payout.command.recovery.OffsetRecoveryCommand;
import cn.huzhu.payout.command.recovery.RecoveryAggregate;
import cn.huzhu.payout.query.PayoutQueries;
import cn.huzhu.payout.query.PayoutQueries.DueTransfer;
import cn.huzhu.payout.query.PayoutQueries.SentTransfer;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends the payouts that are due, each in three steps: the transfer is recorded with its reference (the write-ahead), sent
 * to the bank, and its outcome recorded. A transfer whose outcome did not come (a timeout, a crash between the steps, a
 * bank that is down) is left at the bank's word: after {@link PayoutSettings#statusCheckAfter()} its status is asked, and
 * only a reference the bank never received is sent again, under the same reference. Nothing here decides whether a payout
 * may be sent: the payout aggregate does, so any number of dispatchers (threads, instances) cannot pay one benefit twice.
 *
 * <p>Payouts due go out in groups of up to {@link PayoutSettings#groupSize()}: their transfers recorded in one transaction,
 * sent in one batch request to the bank and their outcomes recorded in one transaction, which is what lets a two-core
 * machine pay hundreds a second. A group that cannot be recorded together (one payout changed meanwhile) is recorded one
 * payout at a time, so one payout never holds up the others.
 */
public class PayoutDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PayoutDispatcher.class);
    /** Pause between queries while more payouts are due than the senders have taken. */
    private static final long BUSY_PAUSE_MILLIS = 20;

    private final CommandGateway commands;
    private final PayoutQueries queries;
    private final TransactionManager transactions;
    private final BankGateway bank;
    private final Clock clock;
    private final PayoutSettings settings;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Instant> checkNotBefore = new ConcurrentHashMap<>();
    private ThreadPoolExecutor senders;
    private Thread poller;
    private volatile boolean running;

    public PayoutDispatcher(
            CommandGateway commands,
            TransactionManager transactions,
            PayoutQueries queries,
            BankGateway bank,
            Clock clock,
            PayoutSettings settings) {
        this.commands = commands;
        this.transactions = transactions;
        this.queries = queries;
        this.bank = bank;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        senders = new ThreadPoolExecutor(
                settings.senders(), settings.senders(), 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "payout-sender");
                    t.setDaemon(true);
                    return t;
                });
        running = true;
        poller = new Thread(this::poll, "payout-dispatcher");
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (poller != null) {
            poller.interrupt();
        }
        if (senders != null) {
            senders.shutdown();
            try {
                senders.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the Kafka listeners and Axon's processors (which stop after it). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    /**
     * Looks for payouts due while the senders have room and hands them out in groups; waits a poll interval once
     * everything due is taken (the query answered fewer than it was allowed), so an idle or merely keeping-up dispatcher
     * does not query in a loop.
     */
    private void poll() {
        while (running) {
            try {
                boolean more = false;
                if (senders.getQueue().size() < settings.senders()) {
                    Instant now = clock.instant();
                    int limit = inFlight.size() + settings.senders() * settings.groupSize() * 2;
                    List<UUID> due = queries.actionable(now, now.minus(settings.statusCheckAfter()), limit);
                    more = due.size() == limit;
                    List<UUID> taken = new ArrayList<>();
                    for (UUID id : due) {
                        Instant notBefore = checkNotBefore.get(id);
                        if ((notBefore == null || !now.isBefore(notBefore)) && inFlight.add(id)) {
                            taken.add(id);
                        }
                    }
                    for (int from = 0; from < taken.size(); from += settings.groupSize()) {
                        List<UUID> group =
                                List.copyOf(taken.subList(from, Math.min(taken.size(), from + settings.groupSize())));
                        senders.execute(() -> {
                            try {
                                dispatch(group);
                            } finally {
                                group.forEach(inFlight::remove);
                            }
                        });
                    }
                }
                Thread.sleep(more ? BUSY_PAUSE_MILLIS : settings.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Looking for payouts due failed ({}); trying again", e.toString());
                sleepQuietly(settings.pollInterval().multipliedBy(10));
            }
        }
    }

    /**
     * Acts on a group of payouts as they stand now. Transfers without an outcome are resolved one by one, as are first
     * transfers of members who owe money back (part is kept back); the others are requested in one transaction, sent to
     * the bank in one request and their outcomes recorded in one transaction.
     */
    void dispatch(List<UUID> payoutIds) {
        List<DueTransfer> group = new ArrayList<>();
        for (DueTransfer due : queries.dueTransfers(payoutIds)) {
            if (due.status().equals("SENDING")) {
                alone(due.payoutId(), () -> resolve(due));
            } else if (due.account() == null) {
                continue; // waits for the member's card
            } else if (due.attempts() == 0 && due.outstanding().signum() > 0) {
                alone(due.payoutId(), () -> sendWithOffset(due));
            } else {
                group.add(due);
            }
        }
        if (group.isEmpty()) {
            return;
        }
        List<Pending> pending = new ArrayList<>();
        try {
            pending.addAll(requestAll(group));
        } catch (RuntimeException e) {
            log.debug("Transfers requested one by one after the group failed: {}", e.toString());
            for (DueTransfer due : group) {
                alone(due.payoutId(), () -> request(due, BigDecimal.ZERO).ifPresent(pending::add));
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        List<BankGateway.Answer> answers =
                bank.sendAll(pending.stream().map(Pending::transfer).toList());
        List<Settled> settled = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            settled.add(new Settled(
                    UUID.fromString(pending.get(i).order().payoutId().value()), answers.get(i)));
        }
        settleAll(settled);
    }

    /** A transfer recorded and about to be sent. */
    private record Pending(TransferOrder order, BankGateway.Transfer transfer) {}

    private record Settled(UUID payoutId, Answer answer) {}

    private List<Pending> requestAll(List<DueTransfer> group) {
        return CommandGroups.together(transactions, () -> {
            List<Pending> pending = new ArrayList<>();
            for (DueTransfer due : group) {
                TransferOrder order = commands.sendAndWait(requestOf(due, BigDecimal.ZERO));
                if (order != null) {
                    pending.add(pending(order, due.account()));
                }
            }
            return pending;
        });
    }

    /** Records the transfer of one payout; empty when it is no longer due (sent meanwhile, cancelled) or settled by an offset. */
    private Optional<Pending> request(DueTransfer due, BigDecimal offset) {
        try {
            TransferOrder order = Conflicts.sendRetrying(commands, requestOf(due, offset));
            return order == null ? Optional.empty() : Optional.of(pending(order, due.account()));
        } catch (RuntimeException e) {
            if (Conflicts.causedBy(e, PayoutNotDispatchableException.class)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private RequestTransferCommand requestOf(DueTransfer due, BigDecimal offset) {
        return new RequestTransferCommand(
                PayoutId.of(due.payoutId()), due.account(), LocalDate.now(clock), offset, clock.instant());
    }

    private static Pending pending(TransferOrder order, PayeeAccount a) {
        return new Pending(
                order,
                new BankGateway.Transfer(
                        order.reference(),
                        order.payoutId().value(),
                        order.batchId().value(),
                        a.number(),
                        a.holderName(),
                        a.bankName(),
                        order.amount()));
    }

    /**
     * A first transfer to a member who owes money back: what is owed is kept back, and the transfer of the rest recorded, in
     * one transaction, so a crash between them cannot leave the debt shown as recovered while the whole amount goes to
     * the bank (nor the other way round). A payout no longer due rolls the offset back with it.
     */
    private void sendWithOffset(DueTransfer due) {
        Optional<Pending> pending;
        try {
            pending = Conflicts.retrying(() -> CommandGroups.together(transactions, () -> {
                BigDecimal offset = commands.sendAndWait(new OffsetRecoveryCommand(
                        RecoveryAggregate.idOf(MemberId.of(due.memberId())),
                        MemberId.of(due.memberId()),
                        PayoutId.of(due.payoutId()),
                        due.amount(),
                        LocalDate.now(clock)));
                TransferOrder order = commands.sendAndWait(requestOf(due, offset));
                return Optional.ofNullable(order).map(o -> pending(o, due.account()));
            }));
        } catch (RuntimeException e) {
            if (Conflicts.causedBy(e, PayoutNotDispatchableException.class)) {
                return;
            }
            throw e;
        }
        pending.ifPresent(p -> settle(due.payoutId(), bank.send(p.transfer())));
    }

    /** Records the settled answers of a group in one transaction (one by one if that fails); the others are asked about later. */
    private void settleAll(List<Settled> answers) {
        List<Settled> settled = new ArrayList<>();
        for (Settled s : answers) {
            if (s.answer().outcome().settled()) {
                settled.add(s);
            } else {
                later(s.payoutId(), settings.statusCheckAfter());
            }
        }
        if (settled.isEmpty()) {
            return;
        }
        try {
            CommandGroups.together(transactions, () -> {
                settled.forEach(s -> commands.sendAndWait(outcomeOf(s.payoutId(), s.answer())));
                return null;
            });
            settled.forEach(s -> checkNotBefore.remove(s.payoutId()));
        } catch (RuntimeException e) {
            log.debug("Outcomes recorded one by one after the group failed: {}", e.toString());
            settled.forEach(s -> alone(s.payoutId(), () -> settle(s.payoutId(), s.answer())));
        }
    }

    /** Runs one payout's step; a failure leaves that payout to be looked at again after a while, the others go on. */
    private void alone(UUID payoutId, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.warn("Payout {} not dispatched this time: {}", payoutId, e.toString());
            later(payoutId, settings.statusCheckAfter());
        }
    }

    /** A transfer without an outcome: the bank's status of its reference decides; a reference it never received is sent again. */
    private void resolve(DueTransfer row) {
        Answer answer = bank.status(row.reference());
        if (answer.outcome() == Outcome.NOT_FOUND) {
            Optional<SentTransfer> sent = queries.sentTransfer(row.reference());
            if (sent.isEmpty()) {
                return;
            }
            SentTransfer t = sent.get();
            log.info("Transfer {} never reached the bank; sending it again under the same reference", t.reference());
            answer = bank.send(new BankGateway.Transfer(
                    t.reference(),
                    t.payoutId().toString(),
                    t.batchId().toString(),
                    t.accountNumber(),
                    t.holderName(),
                    t.bankName(),
                    t.amount()));
        }
        settle(row.payoutId(), answer);
    }

    /** Records a settled answer (again is harmless); otherwise the status is asked after a while. */
    public void settle(UUID payoutId, Answer answer) {
        if (!answer.outcome().settled()) {
            later(payoutId, settings.statusCheckAfter());
            return;
        }
        checkNotBefore.remove(payoutId);
        Conflicts.sendRetrying(commands, outcomeOf(payoutId, answer));
    }

    private RecordTransferOutcomeCommand outcomeOf(UUID payoutId, Answer answer) {
        return new RecordTransferOutcomeCommand(
                PayoutId.of(payoutId),
                answer.reference(),
                answer.outcome().name(),
                answer.reason(),
                answer.bankTransactionId(),
                clock.instant(),
                settings.maxAttempts(),
                settings.firstRetry());
    }

    private void later(UUID payoutId, Duration wait) {
        checkNotBefore.put(payoutId, clock.instant().plus(wait));
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
