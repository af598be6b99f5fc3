package cn.huzhu.reporting.messaging;

import cn.huzhu.contracts.UndecodableRecordException;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a poll of contract records to a projection: the whole poll in one transaction; if it cannot be (a record
 * that cannot be decoded or applied), one record at a time, so the one at fault is pointed out to the error handler
 * (and goes to the dead-letter topic) while the records before it are kept.
 */
final class ProjectionFeed {

    private ProjectionFeed() {}

    static void apply(
            List<ConsumerRecord<String, byte[]>> records,
            TransactionTemplate transaction,
            Consumer<List<Event>> projection) {
        try {
            List<Event> events = new ArrayList<>(records.size());
            for (ConsumerRecord<String, byte[]> r : records) {
                events.add(EventDecoding.decode(r.value()));
            }
            transaction.executeWithoutResult(status -> projection.accept(events));
            return;
        } catch (UndecodableRecordException | org.springframework.dao.DataAccessException e) {
            // one by one below, to find the record at fault
        }
        for (int i = 0; i < records.size(); i++) {
            try {
                Event event = EventDecoding.decode(records.get(i).value());
                transaction.executeWithoutResult(status -> projection.accept(List.of(event)));
            } catch (UndecodableRecordException | org.springframework.dao.DataAccessException e) {
                throw new BatchListenerFailedException("Record could not be applied: " + e.getMessage(), e, i);
            }
        }
    }
}
