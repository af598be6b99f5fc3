package cn.huzhu.payout.command.batch;

import cn.huzhu.payout.command.BatchId;
import cn.huzhu.payout.command.PayoutIds;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A batch's reconciliations against the bank's statement: each different finding recorded, the same one again not. */
class BatchAggregateTest {

    static final BatchId BATCH = PayoutIds.batch("越城区", LocalDate.of(2015, 3, 3));
    static final Instant AT = Instant.parse("2015-03-04T02:00:00Z");

    FixtureConfiguration<BatchAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BatchAggregate.class);
    }

    static ReconcileBatchCommand reconcile(int bankCount, String bankAmount, List<String> differences) {
        return new ReconcileBatchCommand(
                BATCH,
                "越城区",
                LocalDate.of(2015, 3, 3),
                3,
                new BigDecimal("4160.00"),
                bankCount,
                new BigDecimal(bankAmount),
                differences,
                AT);
    }

    static BatchReconciledEvent reconciled(String status, int bankCount, String bankAmount, List<String> differences) {
        return new BatchReconciledEvent(
                BATCH,
                "越城区",
                LocalDate.of(2015, 3, 3),
                status,
                3,
                new BigDecimal("4160.00"),
                bankCount,
                new BigDecimal(bankAmount),
                differences,
                AT);
    }

    @Test
    void controlTotalsThatAgreeAreMatched() {
        fixture.givenNoPriorActivity()
                .when(reconcile(3, "4160.00", List.of()))
                .expectEvents(reconciled("MATCHED", 3, "4160.00", List.of()))
                .expectResultMessagePayload("MATCHED");
    }

    @Test
    void aDifferenceInCountAmountOrReferenceIsAMismatch() {
        fixture.givenNoPriorActivity()
                .when(reconcile(2, "4160.00", List.of()))
                .expectEvents(reconciled("MISMATCH", 2, "4160.00", List.of()));
        fixture.givenNoPriorActivity()
                .when(reconcile(3, "4159.99", List.of()))
                .expectEvents(reconciled("MISMATCH", 3, "4159.99", List.of()));
        fixture.givenNoPriorActivity()
                .when(reconcile(3, "4160.00", List.of("HZ1-1")))
                .expectEvents(reconciled("MISMATCH", 3, "4160.00", List.of("HZ1-1")))
                .expectResultMessagePayload("MISMATCH");
    }

    @Test
    void theSameFindingAgainRecordsNothingAndAChangedOneIsRecorded() {
        fixture.given(reconciled("MISMATCH", 2, "2080.00", List.of("HZ1-1")))
                .when(reconcile(2, "2080.0", List.of("HZ1-1")))
                .expectNoEvents()
                .expectResultMessagePayload("MISMATCH");
        fixture.given(reconciled("MISMATCH", 2, "2080.00", List.of("HZ1-1")))
                .when(reconcile(3, "4160.00", List.of()))
                .expectEvents(reconciled("MATCHED", 3, "4160.00", List.of()));
    }
}
