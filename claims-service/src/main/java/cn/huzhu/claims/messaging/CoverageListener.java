package cn.huzhu.claims.messaging;

import cn.huzhu.claims.query.CoverageProjection;
import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Plan versions and enrolments from enrollment-service, into this service's own view of each member's
 * coverage. A record that cannot be decoded goes to the dead-letter topic at once (see {@link KafkaConfig}).
 */
@Component
public class CoverageListener {

    private final CoverageProjection projection;

    public CoverageListener(CoverageProjection projection) {
        this.projection = projection;
    }

    /** The listener's id and consumer group. */
    public static final String GROUP = "claims-coverage";

    @KafkaListener(
            id = GROUP,
            topics = {Topics.PLANS, Topics.MEMBERS})
    public void on(ConsumerRecord<String, byte[]> record) {
        projection.apply(EventCodec.contracts().decode(record.value()));
    }
}
