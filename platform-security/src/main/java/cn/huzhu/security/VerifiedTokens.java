package cn.huzhu.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Bearer tokens whose signature was verified lately. The portal and the dashboard send one token with every request until
 * it expires; its signature (an RSA verification, a tenth of a small report request's work) is checked once and the
 * token kept, by its exact text, for {@code keep} — no longer than the issuer's keys are cached — after which it is
 * verified again. The validators (expiry, issuer, audience) run on every use, so an expired token is refused at once.
 * A changed token is another text, never found here.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Duration keep;
    private final Clock clock;
    private final Map<String, Verified> tokens;

    private record Verified(Jwt jwt, Instant at) {}

    /**
     * @param verifier parses a token and verifies its signature, without validating its claims
     * @param validator the claims' checks, applied on every use
     */
    VerifiedTokens(
            JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int maxTokens, Duration keep, Clock clock) {
        this.verifier = verifier;
        this.validator = validator;
        this.keep = keep;
        this.clock = clock;
        this.tokens = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                return size() > maxTokens;
            }
        };
    }

    @Override
    public Jwt decode(String token) {
        Instant now = clock.instant();
        Verified verified;
        synchronized (tokens) {
            verified = tokens.get(token);
        }
        if (verified == null || !now.isBefore(verified.at().plus(keep))) {
            verified = new Verified(verifier.decode(token), now);
            synchronized (tokens) {
                tokens.put(token, verified);
            }
        }
        OAuth2TokenValidatorResult result = validator.validate(verified.jwt());
        if (result.hasErrors()) {
            String description = result.getErrors().stream()
                    .map(OAuth2Error::getDescription)
                    .filter(d -> d != null && !d.isBlank())
                    .findFirst()
                    .orElse("Unable to validate Jwt");
            throw new JwtValidationException(
                    "An error occurred while attempting to decode the Jwt: " + description, result.getErrors());
        }
        return verified.jwt();
    }

    int size() {
        synchronized (tokens) {
            return tokens.size();
        }
    }
}
