package cn.huzhu.payout.dispatch;

import cn.huzhu.axon.Conflicts;
import cn.huzhu.payout.bank.BankGateway;
import cn.huzhu.payout.bank.BankGateway.Answer;
import cn.huzhu.payout.bank.BankGateway.Outcome;
import cn.huzhu.payout.command.PayoutCommands.RecordTransferOutcome;
import cn.huzhu.payout.command.PayoutCommands.RequestTransfer;
import cn.huzhu.payout.command.PayoutCommands.TransferOrder;
import cn.huzhu.payout.command.PayoutNotDispatchableException;
import cn.huzhu.payout.command.RecoveryAggregate;
import cn.huzhu.payout.command.RecoveryCommands.OffsetRecovery;
import cn.huzhu.payout.query.BankAccounts;
import cn.huzhu.payout.query.BankAccounts.MemberAccount;
import cn.huzhu.payout.query.PayoutQueries;
import cn.huzhu.payout.query.PayoutQueries.PayoutRow;
import cn.huzhu.payout.query.PayoutQueries.SentTransfer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends the payouts that are due, each in three steps: the transfer is recorded with its reference (the write-ahead), sent
 * to the bank, and its outcome recorded. A transfer whose outcome did not come (a timeout, a crash between the steps, a
 * bank that is down) is left at the bank's word: after {@link PayoutSettings#statusCheckAfter()} its status is asked, and
 * only a reference the bank never received is sent again, under the same reference. Nothing here decides whether a payout
 * may be sent: the payout aggregate does, so any number of dispatchers (threads, instances) cannot pay one benefit twice.
 */
public class PayoutDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PayoutDispatcher.class);
    /** Pause between queries while more payouts are due than the senders have taken. */
    private static final long BUSY_PAUSE_MILLIS = 20;

    private final CommandGateway commands;
    private final PayoutQueries queries;
    private final BankAccounts accounts;
    private final BankGateway bank;
    private final Clock clock;
    private final PayoutSettings settings;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Instant> checkNotBefore = new ConcurrentHashMap<>();
    private ThreadPoolExecutor senders;
    private Thread poller;
    private volatile boolean running;

    public PayoutDispatcher(CommandGateway commands, PayoutQueries queries, BankAccounts accounts, BankGateway bank, Clock clock,
                            PayoutSettings settings) {
        this.commands = commands;
        this.queries = queries;
        this.accounts = accounts;
        this.bank = bank;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        senders = new ThreadPoolExecutor(settings.senders(), settings.senders(), 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
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
     * Looks for payouts due while the senders have room; waits a poll interval once everything due is taken (the
     * query answered fewer than it was allowed), so an idle or merely keeping-up dispatcher does not query in a loop.
     */
    private void poll() {
        while (running) {
            try {
                boolean more = false;
                if (senders.getQueue().size() < settings.senders() * 2) {
                    Instant now = clock.instant();
                    int limit = inFlight.size() + settings.senders() * 8;
                    List<UUID> due = queries.actionable(now, now.minus(settings.statusCheckAfter()), limit);
                    more = due.size() == limit;
                    for (UUID id : due) {
                        Instant notBefore = checkNotBefore.get(id);
                        if ((notBefore == null || !now.isBefore(notBefore)) && inFlight.add(id)) {
                            senders.execute(() -> {
                                try {
                                    dispatch(id);
                                } catch (RuntimeException e) {
                                    log.warn("Payout {} not dispatched this time: {}", id, e.toString());
                                    later(id, settings.statusCheckAfter());
                                } finally {
                                    inFlight.remove(id);
                                }
                            });
                        }
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

    /** Acts on one payout as it stands now. */
    void dispatch(UUID payoutId) {
        Optional<PayoutRow> found = queries.payout(payoutId);
        if (found.isEmpty()) {
            return;
        }
        PayoutRow row = found.get();
        if (row.status().equals("SENDING")) {
            resolve(row);
        } else {
            send(row);
        }
    }

    private void send(PayoutRow row) {
        Optional<MemberAccount> account = accounts.of(row.memberId());
        if (account.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        BigDecimal offset = BigDecimal.ZERO;
        if (row.attempts() == 0 && queries.outstanding(row.memberId()).signum() > 0) {
            offset = Conflicts.sendRetrying(commands, new OffsetRecovery(RecoveryAggregate.idOf(row.memberId().toString()),
                    row.memberId().toString(), row.payoutId().toString(), row.amount(), today));
        }
        TransferOrder order;
        try {
            order = Conflicts.sendRetrying(commands, new RequestTransfer(row.payoutId().toString(), account.get().account(), today, offset, clock.instant()));
        } catch (RuntimeException e) {
            if (Conflicts.causedBy(e, PayoutNotDispatchableException.class)) {
                return; // sent meanwhile by another dispatcher, cancelled, or no longer due
            }
            throw e;
        }
        if (order == null) {
            return;
        }
        var a = account.get().account();
        settle(row.payoutId(), bank.send(new BankGateway.Transfer(order.reference(), order.payoutId(), order.batchId(), a.number(), a.holderName(),
                a.bankName(), order.amount())));
    }

    /** A transfer without an outcome: the bank's status of its reference decides; a reference it never received is sent again. */
    private void resolve(PayoutRow row) {
        Answer answer = bank.status(row.reference());
        if (answer.outcome() == Outcome.NOT_FOUND) {
            Optional<SentTransfer> sent = queries.sentTransfer(row.reference());
            if (sent.isEmpty()) {
                return;
            }
            SentTransfer t = sent.get();
            log.info("Transfer {} never reached the bank; sending it again under the same reference", t.reference());
            answer = bank.send(new BankGateway.Transfer(t.reference(), t.payoutId().toString(), t.batchId().toString(), t.accountNumber(),
                    t.holderName(), t.bankName(), t.amount()));
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
        Conflicts.sendRetrying(commands, new RecordTransferOutcome(payoutId.toString(), answer.reference(), answer.outcome().name(), answer.reason(),
                answer.bankTransactionId(), clock.instant(), settings.maxAttempts(), settings.firstRetry()));
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
