package cn.huzhu.enrollment.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.enrollment.IntegrationTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends of a batch's size are committed in global-index order (OrderedJdbcEventStorageEngine): a reader never passes a
 * batch still being written, so no token it holds carries that batch's indexes as gaps. Every event a reader has in hand
 * carries its own copy of the gaps: batches of 500 committed past one another by sixteen clients put thousands of gaps in
 * tens of thousands of tokens and ran the service out of its heap.
 */
@SpringBootTest
class OrderedAppendsIT extends IntegrationTestSupport {

    private static final int BATCH = 500;

    @Autowired
    EventStorageEngine storage;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBatchCommittedWhileAnotherIsOpenLeavesNoGapsBehindAReader() throws Exception {
        long before = jdbc.queryForObject("select last_value from domainevententry_globalindex_seq", Long.class);
        GapAwareTrackingToken start = GapAwareTrackingToken.newInstance(before, List.of());
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            storage.appendEvents(batch("first"));
            firstAppended.countDown();
            await(releaseFirst);
        }));
        assertThat(firstAppended.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(
                () -> transactions.executeWithoutResult(status -> storage.appendEvents(batch("second"))));
        boolean secondCommittedPastTheFirst = committedWithin(second, 2);

        List<? extends TrackedEventMessage<?>> readMeanwhile = read(start);
        releaseFirst.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        List<? extends TrackedEventMessage<?>> readAfter = read(start);

        assertThat(mostGaps(readMeanwhile))
                .as("gaps in a token read while the first batch was open")
                .isZero();
        assertThat(secondCommittedPastTheFirst)
                .as("second batch committed before the first")
                .isFalse();
        assertThat(readAfter).hasSize(2 * BATCH);
        assertThat(mostGaps(readAfter)).isZero();
        assertThat(readAfter.stream()
                        .map(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier())
                        .distinct()
                        .toList())
                .as("the first batch's events come first")
                .hasSize(2)
                .first()
                .asString()
                .startsWith("first");
    }

    private List<? extends TrackedEventMessage<?>> read(GapAwareTrackingToken from) {
        try (var events = storage.readEvents(from, false)) {
            return events.toList();
        }
    }

    private static int mostGaps(List<? extends TrackedEventMessage<?>> events) {
        return events.stream()
                .mapToInt(e ->
                        ((GapAwareTrackingToken) e.trackingToken()).getGaps().size())
                .max()
                .orElse(0);
    }

    private static List<DomainEventMessage<?>> batch(String name) {
        String aggregate = name + "-" + UUID.randomUUID();
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            events.add(new GenericDomainEventMessage<>("OrderedAppendsTest", aggregate, i, "event " + i));
        }
        return events;
    }

    private static boolean committedWithin(CompletableFuture<Void> append, int seconds) throws Exception {
        try {
            append.get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
