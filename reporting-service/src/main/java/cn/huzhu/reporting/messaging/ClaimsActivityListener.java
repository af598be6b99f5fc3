package cn.huzhu.reporting.messaging;

import cn.huzhu.contracts.Topics;
import cn.huzhu.reporting.query.ClaimsActivityProjection;
import cn.huzhu.reporting.query.ReportSummaries;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds members' districts, claims' decisions and confirmed payouts into the claims projection, in a consumer group
 * of its own, a poll per transaction ({@link ProjectionFeed}).
 */
@Component
public class ClaimsActivityListener {

    public static final String ID = "claims-activity";
    /** The consumer group, as dead letters name it. */
    public static final String GROUP = "reporting-" + ID;

    private final ClaimsActivityProjection projection;
    private final TransactionTemplate transaction;
    private final ReportSummaries summaries;

    public ClaimsActivityListener(
            ClaimsActivityProjection projection, TransactionTemplate transaction, ReportSummaries summaries) {
        this.projection = projection;
        this.transaction = transaction;
        this.summaries = summaries;
    }

    @KafkaListener(
            id = ID,
            groupId = GROUP,
            topics = {Topics.MEMBERS, Topics.CLAIMS, Topics.PAYOUTS})
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        ProjectionFeed.apply(records, transaction, projection::apply);
        summaries.claimsChanged();
    }
}
