package cn.huzhu.reporting.messaging;

import cn.huzhu.contracts.Topics;
import cn.huzhu.reporting.query.ReportChanges;
import cn.huzhu.reporting.query.TargetCompletionProjection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds units, targets and enrolments into the target completion projection, in its own consumer group so it
 * reads every partition of the member topic independently of the district table; a poll per transaction
 * ({@link ProjectionFeed}), a bad record pointed out exactly.
 */
@Component
public class TargetCompletionListener {

    public static final String ID = "target-completion";
    /** The consumer group, as dead letters name it. */
    public static final String GROUP = "reporting-" + ID;

    private final TargetCompletionProjection projection;
    private final TransactionTemplate transaction;
    private final ReportChanges changes;

    public TargetCompletionListener(
            TargetCompletionProjection projection, TransactionTemplate transaction, ReportChanges changes) {
        this.projection = projection;
        this.transaction = transaction;
        this.changes = changes;
    }

    @KafkaListener(
            id = ID,
            groupId = GROUP,
            topics = {Topics.UNITS, Topics.TARGETS, Topics.MEMBERS})
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        // the change counted in its transaction: the target table, and the units' names in the payout-ratio reports
        ProjectionFeed.apply(records, transaction, events -> {
            projection.apply(events);
            changes.record(ID);
        });
    }
}
