package cn.huzhu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private Instant now = Instant.parse("2026-12-03T08:00:00Z");
    private final List<String> verified = new ArrayList<>();

    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Stands for the signature check: tokens named "good-…" pass, expiring an hour after 08:00. */
    private Jwt verify(String token) {
        verified.add(token);
        if (!token.startsWith("good-")) {
            throw new BadJwtException("Signed JWT rejected: Invalid signature");
        }
        Instant issued = Instant.parse("2026-12-03T08:00:00Z");
        return new Jwt(token, issued, issued.plus(Duration.ofHours(1)), Map.of("alg", "RS256"), Map.of("sub", token));
    }

    private VerifiedTokens tokens() {
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        return new VerifiedTokens(this::verify, expiry, 2, Duration.ofMinutes(5), clock);
    }

    @Test
    void aTokenSentAgainIsVerifiedOnceWithinTheWhileKept() {
        VerifiedTokens tokens = tokens();
        assertThat(tokens.decode("good-a").getSubject()).isEqualTo("good-a");
        now = now.plus(Duration.ofMinutes(4));
        assertThat(tokens.decode("good-a").getSubject()).isEqualTo("good-a");
        assertThat(verified).containsExactly("good-a");

        now = now.plus(Duration.ofMinutes(1));
        tokens.decode("good-a");
        assertThat(verified).as("verified again once kept five minutes").containsExactly("good-a", "good-a");
    }

    @Test
    void anExpiredTokenIsRefusedThoughItsSignatureWasVerified() {
        VerifiedTokens tokens = tokens();
        tokens.decode("good-a");
        now = now.plus(Duration.ofMinutes(61));
        assertThatThrownBy(() -> tokens.decode("good-a"))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void anotherTextIsVerifiedAndABadSignatureRefusedEveryTime() {
        VerifiedTokens tokens = tokens();
        tokens.decode("good-a");
        assertThatThrownBy(() -> tokens.decode("forged-a")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged-a")).isInstanceOf(BadJwtException.class);
        assertThat(verified).containsExactly("good-a", "forged-a", "forged-a");
    }

    @Test
    void keepsNoMoreThanItsBound() {
        VerifiedTokens tokens = tokens();
        tokens.decode("good-a");
        tokens.decode("good-b");
        tokens.decode("good-c");
        assertThat(tokens.size()).isEqualTo(2);
        tokens.decode("good-a");
        assertThat(verified)
                .as("the least recently used went first")
                .containsExactly("good-a", "good-b", "good-c", "good-a");
    }
}
