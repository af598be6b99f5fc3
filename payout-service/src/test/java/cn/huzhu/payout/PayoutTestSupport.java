package cn.huzhu.payout;

import cn.huzhu.bank.BankSimulator;
import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.claims.ApprovedBenefit;
import cn.huzhu.contracts.claims.ClaimApproved;
import cn.huzhu.contracts.claims.ClaimRevoked;
import cn.huzhu.contracts.enrollment.MemberBankAccountRegistered;
import cn.huzhu.localstack.LocalStack;
import cn.huzhu.localstack.ServiceProcess;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Points the service at the test JVM's real PostgreSQL and Kafka and at a bank simulator of its own (an HTTP server), and
 * publishes what enrollment-service and claims-service would. SMS messages are kept instead of sent.
 */
public abstract class PayoutTestSupport {

    protected static final BankSimulator BANK = BankSimulator.start(0, null);
    private static final int PORT = ServiceProcess.freePort();

    /** The SMS gateway is an edge we do not own: its messages are recorded ({@link RecordingSms}). */
    public record Sms(String phone, String text) {}

    protected static final List<Sms> SENT_SMS = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalStack stack = LocalStack.shared();
        registry.add("spring.datasource.url", () -> stack.jdbcUrl("payout"));
        registry.add("spring.kafka.bootstrap-servers", stack::bootstrapServers);
        registry.add("huzhu.security.jwk-set-uri", () -> stack.tokens().jwkSetUri());
        registry.add("server.port", () -> PORT);
        registry.add("huzhu.payout.bank-url", BANK::baseUrl);
        registry.add("huzhu.payout.bank-notify-url", () -> "http://127.0.0.1:" + PORT + "/api/bank/confirmations");
        registry.add("huzhu.payout.bank-timeout", () -> "700ms");
        registry.add("huzhu.payout.status-check-after", () -> "1s");
        registry.add("huzhu.payout.first-retry", () -> "300ms");
        registry.add("huzhu.payout.max-attempts", () -> "3");
        registry.add("huzhu.payout.poll-interval", () -> "50ms");
    }

    protected static String baseUrl() {
        return "http://127.0.0.1:" + PORT;
    }

    protected static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put("bootstrap.servers", LocalStack.shared().bootstrapServers());
        props.put("acks", "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    protected static void send(
            KafkaProducer<String, byte[]> producer, String topic, String key, SpecificRecord record) {
        send(producer, topic, key, EventCodec.contracts().encode(record));
    }

    protected static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take the record", e);
        }
    }

    protected static MemberBankAccountRegistered account(String memberId, String number, String phone) {
        return MemberBankAccountRegistered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setMemberId(UUID.fromString(memberId))
                .setDistrict("越城")
                .setBankName("中国工商银行")
                .setAccountType("CARD")
                .setAccountNumber(number)
                .setHolderName("王芳")
                .setPhone(phone)
                .setRegisteredOn(LocalDate.of(2026, 11, 1))
                .build();
    }

    /** An approved claim paying {@code amounts} under as many enrolments (their ids in the map). */
    protected static ClaimApproved approved(String claimId, String memberId, Map<String, String> amountsByEnrollment) {
        List<ApprovedBenefit> benefits = amountsByEnrollment.entrySet().stream()
                .map(e -> new ApprovedBenefit(
                        "shaoxing-2025-inservice", 1, UUID.fromString(e.getKey()), new BigDecimal(e.getValue())))
                .toList();
        BigDecimal total = benefits.stream().map(ApprovedBenefit::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return ClaimApproved.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setClaimId(UUID.fromString(claimId))
                .setMemberId(UUID.fromString(memberId))
                .setType("HOSPITALIZATION")
                .setEventDate(LocalDate.of(2026, 10, 1))
                .setDecidedOn(LocalDate.of(2026, 11, 20))
                .setTotal(total)
                .setBenefits(benefits)
                .setHospitalSettlement(null)
                .build();
    }

    protected static ClaimRevoked revoked(String claimId, String memberId, String total, List<String> enrollmentIds) {
        return ClaimRevoked.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setClaimId(UUID.fromString(claimId))
                .setMemberId(UUID.fromString(memberId))
                .setReason("FRAUD")
                .setRevokedOn(LocalDate.of(2026, 11, 21))
                .setTotal(new BigDecimal(total))
                .setEnrollmentIds(enrollmentIds.stream().map(UUID::fromString).toList())
                .build();
    }
}
