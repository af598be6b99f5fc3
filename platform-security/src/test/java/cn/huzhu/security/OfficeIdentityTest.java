package cn.huzhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.contracts.Topics;
import cn.huzhu.localstack.LocalTokenIssuer;
import com.nimbusds.jose.JOSEException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** An office's record is taken when its token was valid at the broker's time and its proof covers that very record. */
class OfficeIdentityTest {

    static final String TOPIC = Topics.REGIONAL_ENROLLMENT_BATCHES;
    static LocalTokenIssuer tokens;
    static OfficeIdentity offices;

    @BeforeAll
    static void issuer() throws JOSEException {
        tokens = LocalTokenIssuer.start(0);
        offices = OfficeIdentity.of(
                NimbusJwtDecoder.withPublicKey(tokens.key().toRSAPublicKey()).build(), List.of());
    }

    @AfterAll
    static void stop() {
        tokens.close();
    }

    static ConsumerRecord<String, byte[]> record(
            String key, byte[] value, Map<String, byte[]> headers, TimestampType type, Instant at) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach(recordHeaders::add);
        return new ConsumerRecord<>(
                TOPIC,
                0,
                0L,
                at.toEpochMilli(),
                type,
                value.length,
                value.length,
                key,
                value,
                recordHeaders,
                Optional.empty());
    }

    static ConsumerRecord<String, byte[]> appended(String key, byte[] value, Map<String, byte[]> headers) {
        return record(key, value, headers, TimestampType.LOG_APPEND_TIME, Instant.now());
    }

    static Map<String, byte[]> headers(String token, String proof) {
        return Map.of(
                Topics.OFFICE_IDENTITY_HEADER,
                token.getBytes(StandardCharsets.UTF_8),
                Topics.OFFICE_PROOF_HEADER,
                proof.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldTakeARecordSignedByItsOfficeAtTheBrokersTime() {
        byte[] value = "batch".getBytes(StandardCharsets.UTF_8);
        OfficeIdentity.Verdict verdict =
                offices.verify(appended("b-1", value, tokens.officeHeaders("鄞州", TOPIC, "b-1", value)));

        assertThat(verdict.verified()).as(verdict.refusal()).isTrue();
        assertThat(verdict.district()).isEqualTo("鄞州");
        assertThat(verdict.officeId()).isEqualTo("office-yinzhou");
        assertThat(verdict.mayActFor("江北")).isFalse();
    }

    @Test
    void shouldRefuseARecordItsProofDoesNotCover() {
        byte[] value = "batch".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> signed = tokens.officeHeaders("鄞州", TOPIC, "b-2", value);
        String token = tokens.office("鄞州");
        Map<String, ConsumerRecord<String, byte[]>> refused = Map.of(
                "another value", appended("b-2", "other".getBytes(StandardCharsets.UTF_8), signed),
                "another key", appended("b-3", value, signed),
                "another topic",
                        new ConsumerRecord<>(
                                Topics.REGIONAL_HOSPITAL_SETTLEMENTS,
                                0,
                                0L,
                                Instant.now().toEpochMilli(),
                                TimestampType.LOG_APPEND_TIME,
                                5,
                                5,
                                "b-2",
                                value,
                                new RecordHeaders(List.of(
                                        new org.apache.kafka.common.header.internals.RecordHeader(
                                                Topics.OFFICE_IDENTITY_HEADER,
                                                signed.get(Topics.OFFICE_IDENTITY_HEADER)),
                                        new org.apache.kafka.common.header.internals.RecordHeader(
                                                Topics.OFFICE_PROOF_HEADER, signed.get(Topics.OFFICE_PROOF_HEADER)))),
                                Optional.empty()),
                "a thief's key",
                        appended(
                                "b-2",
                                value,
                                headers(
                                        token,
                                        LocalTokenIssuer.officeProof(
                                                LocalTokenIssuer.newOfficeKey(), TOPIC, "b-2", value, Instant.now()))),
                "another office's key",
                        appended(
                                "b-2",
                                value,
                                headers(
                                        token,
                                        LocalTokenIssuer.officeProof(
                                                tokens.officeKey("江北"), TOPIC, "b-2", value, Instant.now()))),
                "a proof signed long before",
                        appended(
                                "b-2",
                                value,
                                headers(
                                        token,
                                        LocalTokenIssuer.officeProof(
                                                tokens.officeKey("鄞州"),
                                                TOPIC,
                                                "b-2",
                                                value,
                                                Instant.now().minus(Duration.ofMinutes(6))))),
                "the producer's time", record("b-2", value, signed, TimestampType.CREATE_TIME, Instant.now()),
                "a token expired when the broker took it",
                        appended(
                                "b-2",
                                value,
                                headers(
                                        tokens.officeToken(
                                                "鄞州", Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1)),
                                        LocalTokenIssuer.officeProof(
                                                tokens.officeKey("鄞州"), TOPIC, "b-2", value, Instant.now()))),
                "no proof",
                        appended(
                                "b-2",
                                value,
                                Map.of(Topics.OFFICE_IDENTITY_HEADER, token.getBytes(StandardCharsets.UTF_8))));

        refused.forEach((what, record) ->
                assertThat(offices.verify(record).verified()).as(what).isFalse());
    }

    @Test
    void shouldJudgeALateReadRecordAtTheTimeTheBrokerTookIt() {
        byte[] value = "batch".getBytes(StandardCharsets.UTF_8);
        Instant sent = Instant.now().minus(Duration.ofHours(3));
        Map<String, byte[]> headers = headers(
                tokens.officeToken("鄞州", sent.minus(Duration.ofMinutes(5)), Duration.ofHours(1)),
                LocalTokenIssuer.officeProof(tokens.officeKey("鄞州"), TOPIC, "b-4", value, sent));

        assertThat(offices.verify(record("b-4", value, headers, TimestampType.LOG_APPEND_TIME, sent))
                        .verified())
                .as("taken three hours ago, while its token was valid: read now after an outage")
                .isTrue();
    }

    @Test
    void shouldCheckEveryRecordsProofWhenTheOfficeKeepsItsToken() {
        // the token's signature and the office key's verifier are kept between records: each record is still judged
        String token = tokens.office("鄞州");
        byte[] value = "batch".getBytes(StandardCharsets.UTF_8);
        for (String key : new String[] {"b-5", "b-6"}) {
            OfficeIdentity.Verdict verdict = offices.verify(appended(
                    key,
                    value,
                    headers(
                            token,
                            LocalTokenIssuer.officeProof(tokens.officeKey("鄞州"), TOPIC, key, value, Instant.now()))));
            assertThat(verdict.verified()).as(key + ": " + verdict.refusal()).isTrue();
        }
        String proof = LocalTokenIssuer.officeProof(tokens.officeKey("鄞州"), TOPIC, "b-7", value, Instant.now());
        String[] parts = proof.split("\\.");
        byte[] signature = java.util.Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length - 1] ^= 1;
        String forged = parts[0] + "." + parts[1] + "."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        String[] tokenParts = token.split("\\.");
        String tamperedToken = tokenParts[0] + "." + tokenParts[1] + "." + tokenParts[2].substring(1)
                + (tokenParts[2].charAt(0) == 'A' ? 'B' : 'A');

        assertThat(offices.verify(appended("b-6", value, headers(token, proof))).refusal())
                .as("the proof of another record")
                .isEqualTo("The record's proof was made for another record");
        assertThat(offices.verify(appended("b-7", value, headers(token, forged)))
                        .refusal())
                .as("a proof whose signature was altered, with the office's key already verified")
                .isEqualTo("The record's proof does not verify");
        assertThat(offices.verify(appended("b-7", value, headers(tamperedToken, proof)))
                        .verified())
                .as("a token whose signature was altered, the genuine one kept")
                .isFalse();
    }
}
