package cn.huzhu.system;

import cn.huzhu.localstack.LocalStack;
import cn.huzhu.localstack.LocalTokenIssuer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens of the test JVM's issuer for the system tests and benchmarks, and what a service process needs to trust it. */
final class SystemTokens {

    /** The union's staff as the tests act: scheme administration, finance and adjudication (no member's own view). */
    static final String STAFF = LocalStack.shared()
            .tokens()
            .token(
                    new LocalTokenIssuer.User(
                            "system-staff", List.of("SCHEME_ADMIN", "FINANCE", "ADJUDICATOR"), null, null, null),
                    Duration.ofHours(12));

    private SystemTokens() {}

    static String bearer() {
        return "Bearer " + STAFF;
    }

    /** Each district office's token, issued once for the run (12 hours), as an office keeps its token until it expires. */
    private static final Map<String, String> OFFICE_TOKENS = new ConcurrentHashMap<>();

    /**
     * Signs a record as the district's office does: the token it holds and a proof made with its key for this record.
     * Only the proof is signed per record; a new token for every record would cost the sender an RSA signature each and
     * keep it from the rate a benchmark asks of it.
     */
    static void signAsOffice(String district, org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record) {
        LocalTokenIssuer tokens = LocalStack.shared().tokens();
        tokens.officeHeaders(
                        district,
                        OFFICE_TOKENS.computeIfAbsent(district, tokens::office),
                        record.topic(),
                        record.key(),
                        record.value())
                .forEach((name, value) -> record.headers().add(name, value));
    }

    /** An answer topic of the district's office (made now if it is not there yet, so a reader may be assigned to it). */
    static String answerTopic(
            java.util.function.Function<String, String> topicOfOffice, String district, String bootstrap) {
        String officeTopic = topicOfOffice.apply(cn.huzhu.localstack.LocalTokenIssuer.officeId(district));
        try (org.apache.kafka.clients.admin.Admin admin =
                org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(
                                    officeTopic, cn.huzhu.contracts.Topics.EVENT_TOPIC_PARTITIONS, (short) 1)
                            .configs(cn.huzhu.contracts.Topics.EVENT_TOPIC_CONFIG)))
                    .all()
                    .get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return officeTopic;
    }

    static String jwkSetUri() {
        return LocalStack.shared().tokens().jwkSetUri();
    }
}
