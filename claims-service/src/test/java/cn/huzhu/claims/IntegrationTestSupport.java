package cn.huzhu.claims;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.enrollment.Funding;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.PlanVersionPublished;
import cn.huzhu.localstack.LocalStack;
import cn.huzhu.plans.PlanDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Points the service at the test JVM's real PostgreSQL and Kafka, and publishes what enrollment-service would. */
public abstract class IntegrationTestSupport {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalStack stack = LocalStack.shared();
        registry.add("spring.datasource.url", () -> stack.jdbcUrl("claims"));
        registry.add("spring.kafka.bootstrap-servers", stack::bootstrapServers);
        registry.add("huzhu.security.jwk-set-uri", () -> stack.tokens().jwkSetUri());
        // claims made before their cover wait a few seconds here, so the test of a wait that runs out is short
        registry.add("huzhu.claims.coverage-wait", () -> "PT8S");
        registry.add("huzhu.claims.pending-check", () -> "PT1S");
    }

    protected static void send(KafkaProducer<String, byte[]> producer, String topic, String key, SpecificRecord record)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, key, EventCodec.contracts().encode(record)))
                .get();
    }

    /** Publishes a plan version of the catalogue (module plan-catalogue) as {@code PlanVersionPublished}. */
    protected static void publishPlan(KafkaProducer<String, byte[]> producer, String plan, int version)
            throws Exception {
        publishPlan(producer, plan, version, PlanDefinition.file(plan, version).orElseThrow());
    }

    /** Publishes a plan version with this definition as {@code PlanVersionPublished}. */
    protected static void publishPlan(
            KafkaProducer<String, byte[]> producer, String plan, int version, String definition) throws Exception {
        send(producer, Topics.PLANS, plan, published(plan, version, definition));
    }

    /** A plan version with this definition as enrollment-service publishes it. */
    protected static PlanVersionPublished published(String plan, int version, String definition) throws Exception {
        JsonNode tree = new ObjectMapper().readTree(definition);
        return PlanVersionPublished.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setPlanId(plan)
                .setVersion(version)
                .setName(tree.path("name").asText())
                .setRegion(tree.path("region").asText())
                .setValidFrom(LocalDate.parse(tree.path("validFrom").asText()))
                .setDefinitionJson(definition)
                .build();
    }

    /** A member registered (with no enrolment), as enrollment-service publishes it. */
    protected static cn.huzhu.contracts.enrollment.MemberRegistered registered(String member) {
        return cn.huzhu.contracts.enrollment.MemberRegistered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setMemberId(UUID.fromString(member))
                .setUnitId(UUID.randomUUID())
                .setDistrict("越城")
                .setCategory("IN_SERVICE")
                .setGender("MALE")
                .setBirthDate(LocalDate.of(1980, 1, 1))
                .setServiceCard(true)
                .setRealNameVerified(true)
                .setRegisteredOn(LocalDate.of(2025, 12, 1))
                .build();
    }

    protected static MemberEnrolled enrolled(
            String member,
            String enrollmentId,
            String plan,
            int shares,
            LocalDate start,
            LocalDate end,
            LocalDate waitingEnd,
            String status) {
        return MemberEnrolled.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setEnrollmentId(UUID.fromString(enrollmentId))
                .setMemberId(UUID.fromString(member))
                .setUnitId(UUID.randomUUID())
                .setDistrict("越城")
                .setCategory("IN_SERVICE")
                .setPlanId(plan)
                .setPlanVersion(1)
                .setShares(shares)
                .setTermYears(1)
                .setPremium(new BigDecimal("60.00"))
                .setFunding(List.of(new Funding("MEMBER", new BigDecimal("60.00"))))
                .setCoverageStart(start)
                .setCoverageEnd(end)
                .setWaitingPeriodEnd(waitingEnd)
                .setContinuous(false)
                .setGifted(false)
                .setGiftOf(null)
                .setMigrated(false)
                .setPremiumStatus(status)
                .build();
    }
}
