package cn.huzhu.security;

import cn.huzhu.contracts.Topics;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The signed identity of the district office that sent a record over Kafka, bound to that record. A consumer cannot learn
 * which Kafka principal produced a record, so each inbound record carries the office's access token from the platform's
 * issuer ({@value Topics#OFFICE_IDENTITY_HEADER}: role REGIONAL_OFFICE, its {@code district}, its office id in {@code azp},
 * the thumbprint of its signing key in {@code cnf.jkt}) and a proof signed with that key ({@value Topics#OFFICE_PROOF_HEADER})
 * over the topic, the key, a digest of the value and the signing time. A record is accepted when the token was valid at
 * the broker's append time (the inbound topics stamp {@code LogAppendTime}, so a producer cannot back-date a record), the
 * proof was made with the token's key for this very record, and signed within {@link #PROOF_WINDOW} of the append: a
 * captured token cannot carry another record, and a captured record sent again later is refused. The Kafka credentials
 * (SASL/SCRAM, one user per office) keep everyone else from writing to the inbound topics at all.
 */
public final class OfficeIdentity {

    /** How far a proof's signing time may lie from the broker's append time. */
    public static final Duration PROOF_WINDOW = Duration.ofMinutes(5);

    private static final Duration SKEW = Duration.ofMinutes(1);
    private static final Pattern OFFICE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** BouncyCastle's provider, made once (ADR 0040): consumers starting side by side would each make their own. */
    private static final Provider PROOF_PROVIDER = BouncyCastleProviderSingleton.getInstance();

    /** Offices' keys whose verifiers are kept, by the key's thumbprint (one key per office, a few hundred offices). */
    private static final int KEYS_KEPT = 1_000;

    private final JwtDecoder decoder;
    private final Map<String, JWSVerifier> verifiers = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JWSVerifier> eldest) {
            return size() > KEYS_KEPT;
        }
    };

    private OfficeIdentity(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * Verifies tokens with this decoder and these checks of the issuer's identity claims, but not against the clock: a
     * record's token is judged at the broker's time, which may lie well before the record is read. An office sends its
     * token with every record until it expires: its signature is verified once and the token kept by its exact text
     * for five minutes ({@link VerifiedTokens}, as the bearer tokens over REST); the identity checks run on every record.
     */
    static OfficeIdentity of(NimbusJwtDecoder decoder, List<OAuth2TokenValidator<Jwt>> identityValidators) {
        decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        OAuth2TokenValidator<Jwt> identity = identityValidators.isEmpty()
                ? jwt -> OAuth2TokenValidatorResult.success()
                : new DelegatingOAuth2TokenValidator<>(identityValidators);
        return new OfficeIdentity(
                new VerifiedTokens(decoder, identity, 2_000, Duration.ofMinutes(5), Clock.systemUTC()));
    }

    /** The sending office (its id and district), or why the record's identity is not accepted. */
    public record Verdict(String officeId, String district, String refusal) {
        public boolean verified() {
            return refusal == null;
        }

        public boolean mayActFor(String recordDistrict) {
            return verified() && district.equals(recordDistrict);
        }

        /** Why a record for this district is not accepted from this sender. */
        public String reasonFor(String recordDistrict) {
            return refusal != null
                    ? refusal
                    : "An office may only send records for its own district; this office is of " + district
                            + ", the record for " + recordDistrict;
        }
    }

    public Verdict verify(ConsumerRecord<String, byte[]> record) {
        if (record.timestampType() != TimestampType.LOG_APPEND_TIME) {
            return refused(
                    "The topic does not stamp records with the broker's time (message.timestamp.type=LogAppendTime)");
        }
        Instant appended = Instant.ofEpochMilli(record.timestamp());
        String token = header(record, Topics.OFFICE_IDENTITY_HEADER);
        String proof = header(record, Topics.OFFICE_PROOF_HEADER);
        if (token == null || proof == null) {
            return refused("The record carries no office identity and proof (headers " + Topics.OFFICE_IDENTITY_HEADER
                    + ", " + Topics.OFFICE_PROOF_HEADER + ")");
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException e) {
            return refused("The office identity is not valid: " + e.getMessage());
        }
        if (jwt.getExpiresAt() == null
                || appended.isAfter(jwt.getExpiresAt().plus(SKEW))
                || jwt.getIssuedAt() != null
                        && appended.isBefore(jwt.getIssuedAt().minus(SKEW))
                || jwt.getNotBefore() != null
                        && appended.isBefore(jwt.getNotBefore().minus(SKEW))) {
            return refused("The office identity was not valid when the broker took the record");
        }
        Caller office = Caller.of(jwt);
        String officeId = jwt.getClaimAsString("azp");
        if (!office.has(Role.REGIONAL_OFFICE)
                || office.district() == null
                || office.district().isBlank()
                || officeId == null
                || !OFFICE_ID.matcher(officeId).matches()) {
            return refused(
                    "The identity is not a district office's (role REGIONAL_OFFICE, a district, an office id in azp)");
        }
        String refusal = proofRefusal(proof, keyThumbprint(jwt), record, appended);
        return refusal != null ? refused(refusal) : new Verdict(officeId, office.district(), null);
    }

    /** Null when the proof was signed with the token's key for this record, close to when the broker took it; else why not. */
    private String proofRefusal(
            String proof, String thumbprint, ConsumerRecord<String, byte[]> record, Instant appended) {
        if (thumbprint == null) {
            return "The office identity names no key its records are signed with (cnf.jkt)";
        }
        try {
            SignedJWT signed = SignedJWT.parse(proof);
            JWK key = signed.getHeader().getJWK();
            if (!new JOSEObjectType(Topics.OFFICE_PROOF_TYPE)
                            .equals(signed.getHeader().getType())
                    || key == null
                    || key.isPrivate()
                    || !thumbprint.equals(key.computeThumbprint().toString())) {
                return "The record's proof is not signed with the office's key";
            }
            if (!signed.verify(verifier(thumbprint, key))) {
                return "The record's proof does not verify";
            }
            JWTClaimsSet claims = signed.getJWTClaimsSet();
            if (!record.topic().equals(claims.getStringClaim("topic"))
                    || !Objects.equals(record.key(), claims.getStringClaim("key"))
                    || !digest(record.value()).equals(claims.getStringClaim("digest"))) {
                return "The record's proof was made for another record";
            }
            Date signedAt = claims.getIssueTime();
            if (signedAt == null
                    || Duration.between(signedAt.toInstant(), appended).abs().compareTo(PROOF_WINDOW) > 0) {
                return "The record's proof was not signed when the record was sent (within " + PROOF_WINDOW.toMinutes()
                        + " minutes)";
            }
            return null;
        } catch (ParseException | JOSEException e) {
            return "The record's proof cannot be read: " + e.getMessage();
        }
    }

    /**
     * The verifier of the key whose thumbprint the office's token names (the proof's key was checked to have it): made
     * once per key, as an office signs every record with the same key.
     */
    private JWSVerifier verifier(String thumbprint, JWK key) throws JOSEException {
        synchronized (verifiers) {
            JWSVerifier kept = verifiers.get(thumbprint);
            if (kept != null) {
                return kept;
            }
        }
        JWSVerifier verifier;
        if (key instanceof ECKey ec) {
            // BouncyCastle's P-256, its own key object (ADR 0040): JDK 17's verification took half of the claims
            // service's CPU under hospital settlements
            ECDSAVerifier ecdsa = new ECDSAVerifier(ec.toECPublicKey(PROOF_PROVIDER));
            ecdsa.getJCAContext().setProvider(PROOF_PROVIDER);
            verifier = ecdsa;
        } else if (key instanceof RSAKey rsa) {
            verifier = new RSASSAVerifier(rsa);
        } else {
            throw new JOSEException("Only EC and RSA keys sign record proofs");
        }
        synchronized (verifiers) {
            verifiers.put(thumbprint, verifier);
        }
        return verifier;
    }

    private static String keyThumbprint(Jwt jwt) {
        return jwt.getClaim("cnf") instanceof Map<?, ?> cnf && cnf.get("jkt") instanceof String jkt ? jkt : null;
    }

    /** SHA-256 of the record's value, base64url without padding, as the proof names it. */
    public static String digest(byte[] value) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(value == null ? new byte[0] : value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Verdict refused(String reason) {
        return new Verdict(null, null, reason);
    }
}
