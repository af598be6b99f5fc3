package cn.huzhu.reporting.messaging;

import cn.huzhu.contracts.Topics;
import cn.huzhu.reporting.query.PayoutRatioProjection;
import cn.huzhu.reporting.query.ReportSummaries;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds enrolments, premiums, claims' decisions and confirmed transfers into the payout ratio projection, in a consumer group of its own,
 * a poll per transaction ({@link ProjectionFeed}).
 */
@Component
public class PayoutRatioListener {

    public static final String ID = "payout-ratio";
    /** The consumer group, as dead letters name it. */
    public static final String GROUP = "reporting-" + ID;

    private final PayoutRatioProjection projection;
    private final TransactionTemplate transaction;
    private final ReportSummaries summaries;

    public PayoutRatioListener(
            PayoutRatioProjection projection, TransactionTemplate transaction, ReportSummaries summaries) {
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
        summaries.ratiosChanged();
    }
}
