package cn.huzhu.system;

import cn.huzhu.localstack.LocalStack;
import cn.huzhu.localstack.LocalTokenIssuer;
import java.time.Duration;
import java.util.List;

/** Tokens of the test JVM's issuer for the system tests and benchmarks, and what a service process needs to trust it. */
final class SystemTokens {

    /** The union's staff as the tests act: scheme administration, finance and adjudication (no member's own view). */
    static final String STAFF = LocalStack.shared().tokens().token(
            new LocalTokenIssuer.User("system-staff", List.of("SCHEME_ADMIN", "FINANCE", "ADJUDICATOR"), null, null, null), Duration.ofHours(12));

    private SystemTokens() {
    }

    static String bearer() {
        return "Bearer " + STAFF;
    }

    /** The signed identity of a district's office, for the records it sends over Kafka. */
    static String office(String district) {
        return LocalStack.shared().tokens().office(district);
    }

    static String jwkSetUri() {
        return LocalStack.shared().tokens().jwkSetUri();
    }
}
