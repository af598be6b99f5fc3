package cn.huzhu.bank;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the simulated bank misbehaves, each as the share of transfers it happens to (0 never, 1 always):
 *
 * @param timeoutRate   the transfer is executed, then the answer is held back {@code timeoutMillis} (the caller times out
 *                      not knowing the money moved)
 * @param failRate      the transfer fails at the bank ({@code FAILED BANK_ERROR}, nothing moved; a new reference may retry it)
 * @param errorRate     the transfer is executed but answered {@code 500} (the answer is lost)
 * @param duplicateRate after answering, the bank sends its confirmation twice more to the transfer's {@code notifyUrl}
 * @param rejectAccounts account numbers the bank refuses ({@code REJECTED ACCOUNT_INVALID})
 * @param latencyMillis  every transfer is answered this much later (after it was executed): a slow bank
 */
public record Faults(
        double timeoutRate,
        long timeoutMillis,
        double failRate,
        double errorRate,
        double duplicateRate,
        Set<String> rejectAccounts,
        long latencyMillis) {

    public static final Faults NONE = new Faults(0, 0, 0, 0, 0, Set.of(), 0);

    public Faults(
            double timeoutRate,
            long timeoutMillis,
            double failRate,
            double errorRate,
            double duplicateRate,
            Set<String> rejectAccounts) {
        this(timeoutRate, timeoutMillis, failRate, errorRate, duplicateRate, rejectAccounts, 0);
    }

    public Faults {
        rejectAccounts = Set.copyOf(rejectAccounts);
        if (latencyMillis < 0 || timeoutMillis < 0) {
            throw new IllegalArgumentException("durations are not negative");
        }
        for (double rate : new double[] {timeoutRate, failRate, errorRate, duplicateRate}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("rates are between 0 and 1");
            }
        }
    }

    static Faults from(JsonNode body) {
        Set<String> rejected = new HashSet<>();
        body.path("rejectAccounts").forEach(n -> rejected.add(n.asText()));
        return new Faults(
                body.path("timeoutRate").asDouble(0),
                body.path("timeoutMillis").asLong(30_000),
                body.path("failRate").asDouble(0),
                body.path("errorRate").asDouble(0),
                body.path("duplicateRate").asDouble(0),
                rejected,
                body.path("latencyMillis").asLong(0));
    }

    boolean roll(double rate) {
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }
}
