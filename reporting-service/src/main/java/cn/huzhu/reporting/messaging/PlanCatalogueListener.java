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

    private final PlanDefinitions plans;
    private final TransactionTemplate transaction;

    public PlanCatalogueListener(PlanDefinitions plans, TransactionTemplate transaction) {
        this.plans = plans;
        this.transaction = transaction;
    }

    @KafkaListener(id = ID, groupId = "reporting-" + ID, topics = Topics.PLANS)
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        ProjectionFeed.apply(records, transaction, plans::apply);
    }
}
