package cn.huzhu.reporting.messaging;

import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.UndecodableRecordException;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection.Event;
import cn.huzhu.reporting.query.ReportChanges;
import cn.huzhu.reporting.query.Target;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds the member topic into the district enrolment projection, a poll's worth of records per database
 * transaction. A record that cannot be decoded or applied is named to the error handler, which retries
 * it and then sends it to the dead-letter topic; the records before it are kept, those after it follow.
 */
@Component
public class DistrictEnrollmentListener {

    public static final String ID = "district-enrollment";
    private static final Logger log = LoggerFactory.getLogger(DistrictEnrollmentListener.class);

    private final DistrictEnrollmentProjection projection;
    private final TransactionTemplate transaction;
    private final ReportChanges changes;

    public DistrictEnrollmentListener(
            DistrictEnrollmentProjection projection, TransactionTemplate transaction, ReportChanges changes) {
        this.projection = projection;
        this.transaction = transaction;
        this.changes = changes;
    }

    @KafkaListener(id = ID, topics = Topics.MEMBERS)
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        List<Event> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                events.add(EventDecoding.decode(records.get(i).value()));
            } catch (UndecodableRecordException e) {
                applyOneByOne(records, events);
                throw new BatchListenerFailedException("Undecodable record: " + e.getMessage(), e, i);
            }
        }
        try {
            transaction.executeWithoutResult(status -> apply(events));
        } catch (DataAccessException batchFailure) {
            log.warn(
                    "Batch of {} records failed ({}); applying them one by one",
                    events.size(),
                    batchFailure.getClass().getSimpleName());
            applyOneByOne(records, events);
        }
    }

    /** Applies events to the live tables and counts the change (the reports' answers kept are computed again). */
    private void apply(List<Event> events) {
        projection.apply(events, Target.LIVE);
        changes.record(ID);
    }

    /** Applies each event in its own transaction, so a bad one is pointed out and the good ones before it stay. */
    private void applyOneByOne(List<ConsumerRecord<String, byte[]>> records, List<Event> events) {
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            try {
                transaction.executeWithoutResult(status -> apply(List.of(event)));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("Record could not be applied: " + e.getMessage(), e, i);
            }
        }
    }
}
