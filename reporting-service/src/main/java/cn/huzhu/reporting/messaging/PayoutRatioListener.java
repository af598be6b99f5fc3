package cn.huzhu.reporting.messaging;

import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.UndecodableRecordException;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection.Event;
import cn.huzhu.reporting.query.PayoutRatioProjection;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds enrolments, premiums and claims' decisions into the payout ratio projection, in a consumer group of its own.
 * A poll is applied in one transaction; if it cannot be, its records are applied one at a time so the one at fault is
 * pointed out (and goes to the dead-letter topic) while the others are kept.
 */
@Component
public class PayoutRatioListener {

    public static final String ID = "payout-ratio";

    private final PayoutRatioProjection projection;
    private final TransactionTemplate transaction;

    public PayoutRatioListener(PayoutRatioProjection projection, TransactionTemplate transaction) {
        this.projection = projection;
        this.transaction = transaction;
    }

    @KafkaListener(id = ID, groupId = "reporting-" + ID, topics = {Topics.MEMBERS, Topics.CLAIMS})
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        List<Event> events = new ArrayList<>(records.size());
        try {
            for (ConsumerRecord<String, byte[]> r : records) {
                events.add(EventDecoding.decode(r.value()));
            }
            transaction.executeWithoutResult(status -> projection.apply(events));
            return;
        } catch (UndecodableRecordException | org.springframework.dao.DataAccessException e) {
            // one by one below, to find the record at fault
        }
        for (int i = 0; i < records.size(); i++) {
            try {
                Event event = EventDecoding.decode(records.get(i).value());
                transaction.executeWithoutResult(status -> projection.apply(List.of(event)));
            } catch (UndecodableRecordException | org.springframework.dao.DataAccessException e) {
                throw new BatchListenerFailedException("Record could not be applied: " + e.getMessage(), e, i);
            }
        }
    }
}
