package cn.huzhu.reporting.messaging;

import cn.huzhu.contracts.Topics;
import cn.huzhu.reporting.query.PlanDefinitions;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Keeps the plan catalogue's versions ({@link PlanDefinitions}), a poll per transaction ({@link ProjectionFeed}). */
@Component
public class PlanCatalogueListener {

    public static final String ID = "plan-catalogue";
    /** The consumer group, as dead letters name it. */
    public static final String GROUP = "reporting-" + ID;

    private final PlanDefinitions plans;
    private final TransactionTemplate transaction;

    public PlanCatalogueListener(PlanDefinitions plans, TransactionTemplate transaction) {
        this.plans = plans;
        this.transaction = transaction;
    }

    @KafkaListener(id = ID, groupId = GROUP, topics = Topics.PLANS)
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        ProjectionFeed.apply(records, transaction, plans::apply);
    }
}
