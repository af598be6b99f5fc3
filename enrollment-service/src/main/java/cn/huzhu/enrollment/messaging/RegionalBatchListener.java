package cn.huzhu.enrollment.messaging;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.UndecodableRecordException;
import cn.huzhu.contracts.UnverifiedRecordException;
import cn.huzhu.contracts.regional.BatchRow;
import cn.huzhu.contracts.regional.BatchRowResult;
import cn.huzhu.contracts.regional.EnrollmentBatchProcessed;
import cn.huzhu.contracts.regional.EnrollmentBatchSubmitted;
import cn.huzhu.enrollment.command.MemberCategory;
import cn.huzhu.enrollment.command.batch.ProcessEnrollmentBatchCommand;
import cn.huzhu.kafka.OfficeTopics;
import cn.huzhu.security.OfficeIdentity;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enrolment batches sent by district offices over Kafka. A record whose sender cannot be verified ({@link OfficeIdentity})
 * goes to the dead-letter topic unanswered: nobody it could be answered to is known. A verified office is answered on its
 * own topic ({@link Topics#regionalEnrollmentResults}), which only it may read. A batch is processed in one transaction
 * together with the record of its answer, keyed by the office's district and the batch id, so a batch delivered or sent
 * again is answered again without a second effect, and another office's batch with the same id is a batch of its own. A
 * batch for another district is refused whole; an unreadable record goes to the dead-letter topic and the office is told.
 */
@Component
public class RegionalBatchListener {

    private static final Logger log = LoggerFactory.getLogger(RegionalBatchListener.class);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, byte[]> raw;
    private final Clock clock;
    private final OfficeIdentity offices;
    private final OfficeTopics answerTopics;

    public RegionalBatchListener(
            CommandGateway commands,
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            @Qualifier("rawKafkaTemplate") KafkaTemplate<String, byte[]> raw,
            Clock clock,
            OfficeIdentity offices,
            OfficeTopics answerTopics) {
        this.offices = offices;
        this.commands = commands;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.raw = raw;
        this.clock = clock;
        this.answerTopics = answerTopics;
    }

    @KafkaListener(
            id = "regional-enrollment-batches",
            topics = Topics.REGIONAL_ENROLLMENT_BATCHES,
            batch = "false",
            concurrency = "${huzhu.kafka.regional-consumers}")
    public void on(ConsumerRecord<String, byte[]> record) throws Exception {
        OfficeIdentity.Verdict office = offices.verify(record);
        if (!office.verified()) {
            log.warn("Record {} of {} refused: {}", record.key(), record.topic(), office.refusal());
            throw new UnverifiedRecordException(office.refusal());
        }
        EnrollmentBatchSubmitted batch;
        try {
            SpecificRecord decoded = EventCodec.contracts().decode(record.value());
            if (!(decoded instanceof EnrollmentBatchSubmitted submitted)) {
                throw new UndecodableRecordException("Expected EnrollmentBatchSubmitted but got "
                        + decoded.getSchema().getName());
            }
            batch = submitted;
        } catch (UndecodableRecordException e) {
            answer(
                    office,
                    record.key(),
                    rejected(
                            record.key(),
                            office.district(),
                            "UNDECODABLE",
                            "The batch record could not be read: " + e.getMessage()));
            throw e;
        }
        if (!office.mayActFor(batch.getDistrict())) {
            log.warn(
                    "Batch {} for district {} refused: {}",
                    batch.getBatchId(),
                    batch.getDistrict(),
                    office.reasonFor(batch.getDistrict()));
            answer(
                    office,
                    batch.getBatchId(),
                    rejected(
                            batch.getBatchId(),
                            batch.getDistrict(),
                            "OFFICE_NOT_ALLOWED",
                            office.reasonFor(batch.getDistrict())));
            return;
        }
        byte[] answer = transaction.execute(status -> {
            List<byte[]> known = jdbc.queryForList(
                    "select result from processed_regional_batch where district = ? and batch_id = ? for update",
                    byte[].class,
                    batch.getDistrict(),
                    batch.getBatchId());
            if (!known.isEmpty()) {
                return known.get(0);
            }
            List<ProcessEnrollmentBatchCommand.RowResult> rows = commands.sendAndWait(command(batch));
            byte[] encoded = EventCodec.contracts().encode(processed(batch, rows));
            jdbc.update(
                    "insert into processed_regional_batch (batch_id, district, result) values (?, ?, ?)",
                    batch.getBatchId(),
                    batch.getDistrict(),
                    encoded);
            return encoded;
        });
        send(office, batch.getBatchId(), answer);
    }

    private ProcessEnrollmentBatchCommand command(EnrollmentBatchSubmitted batch) {
        List<ProcessEnrollmentBatchCommand.Row> rows =
                batch.getRows().stream().map(RegionalBatchListener::row).toList();
        return new ProcessEnrollmentBatchCommand(batch.getBatchId(), batch.getDistrict(), rows, LocalDate.now(clock));
    }

    private static ProcessEnrollmentBatchCommand.Row row(BatchRow r) {
        MemberCategory category;
        try {
            category = MemberCategory.valueOf(r.getCategory());
        } catch (IllegalArgumentException e) {
            category = null;
        }
        return new ProcessEnrollmentBatchCommand.Row(
                r.getRowNo(),
                r.getIdNumber(),
                r.getName(),
                r.getPhone(),
                r.getUnitId(),
                category,
                r.getServiceCard(),
                r.getRealNameVerified(),
                r.getPlanId(),
                r.getShares(),
                r.getTermYears(),
                r.getEffectiveDate());
    }

    private EnrollmentBatchProcessed processed(
            EnrollmentBatchSubmitted batch, List<ProcessEnrollmentBatchCommand.RowResult> rows) {
        int accepted = (int) rows.stream()
                .filter(ProcessEnrollmentBatchCommand.RowResult::accepted)
                .count();
        return EnrollmentBatchProcessed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now(clock))
                .setBatchId(batch.getBatchId())
                .setDistrict(batch.getDistrict())
                .setStatus("PROCESSED")
                .setReason(null)
                .setAccepted(accepted)
                .setRejected(rows.size() - accepted)
                .setRows(rows.stream()
                        .map(r -> new BatchRowResult(
                                r.rowNo(),
                                r.accepted() ? "ACCEPTED" : "REJECTED",
                                r.memberId(),
                                r.enrollmentId(),
                                r.code(),
                                r.message()))
                        .toList())
                .build();
    }

    private EnrollmentBatchProcessed rejected(String batchId, String district, String code, String message) {
        return EnrollmentBatchProcessed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now(clock))
                .setBatchId(batchId == null ? "" : batchId)
                .setDistrict(district)
                .setStatus("REJECTED")
                .setReason(code + ": " + message)
                .setAccepted(0)
                .setRejected(0)
                .setRows(List.of())
                .build();
    }

    private void answer(OfficeIdentity.Verdict office, String batchId, EnrollmentBatchProcessed result)
            throws Exception {
        send(office, batchId, EventCodec.contracts().encode(result));
    }

    private void send(OfficeIdentity.Verdict office, String batchId, byte[] answer)
            throws InterruptedException, ExecutionException {
        raw.send(answerTopics.of(Topics.regionalEnrollmentResults(office.officeId())), batchId, answer)
                .get();
    }
}
