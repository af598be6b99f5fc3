package cn.huzhu.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The signed identity of the district office that sent a record over Kafka. A consumer cannot learn which Kafka principal
 * produced a record, so each inbound record carries the office's token from the platform's issuer in header
 * {@value #HEADER}: signed by the issuer, role REGIONAL_OFFICE, the office's district in claim {@code district}, valid
 * when the record was produced (its timestamp, so a record read again later is judged as when it was sent). The Kafka
 * credentials (SASL/SCRAM, one user per office) keep everyone else from writing to the inbound topics at all.
 */
public final class OfficeIdentity {

    public static final String HEADER = cn.huzhu.contracts.Topics.OFFICE_IDENTITY_HEADER;
    private static final Duration SKEW = Duration.ofMinutes(1);

    private final JwtDecoder decoder;

    OfficeIdentity(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    /** The sending office's district, or why the record's identity is not accepted. */
    public record Verdict(String district, String refusal) {
        public boolean mayActFor(String recordDistrict) {
            return refusal == null && district.equals(recordDistrict);
        }

        /** Why a record for this district is not accepted from this sender. */
        public String reasonFor(String recordDistrict) {
            return refusal != null ? refusal
                    : "An office may only send records for its own district; this office is of " + district + ", the record for " + recordDistrict;
        }
    }

    public Verdict verify(Headers headers, long recordTimestamp) {
        Header header = headers.lastHeader(HEADER);
        if (header == null || header.value() == null) {
            return refused("The record carries no office identity (header " + HEADER + ")");
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(new String(header.value(), StandardCharsets.UTF_8));
        } catch (JwtException e) {
            return refused("The office identity is not valid: " + e.getMessage());
        }
        Instant sent = Instant.ofEpochMilli(recordTimestamp);
        if (jwt.getExpiresAt() == null || sent.isAfter(jwt.getExpiresAt().plus(SKEW))
                || jwt.getIssuedAt() != null && sent.isBefore(jwt.getIssuedAt().minus(SKEW))) {
            return refused("The office identity was not valid when the record was sent");
        }
        Caller office = Caller.of(jwt);
        if (!office.has(Role.REGIONAL_OFFICE) || office.district() == null || office.district().isBlank()) {
            return refused("The identity is not a district office's");
        }
        return new Verdict(office.district(), null);
    }

    private static Verdict refused(String reason) {
        return new Verdict(null, reason);
    }
}
