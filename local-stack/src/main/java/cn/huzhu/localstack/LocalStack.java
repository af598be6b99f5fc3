package cn.huzhu.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * PostgreSQL (one database per service), Kafka and the token issuer together. {@link #shared()} gives tests one
 * throw-away stack per JVM, stopped when the JVM exits.
 */
public final class LocalStack implements AutoCloseable {

    public static final List<String> DATABASES = List.of("enrollment", "reporting", "claims", "payout");

    private static LocalStack shared;

    private final LocalPostgres postgres;
    private final LocalKafka kafka;
    private final LocalTokenIssuer tokens;

    private LocalStack(LocalPostgres postgres, LocalKafka kafka, LocalTokenIssuer tokens) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.tokens = tokens;
    }

    /**
     * @param dataDir null for throw-away data; otherwise PostgreSQL and Kafka keep their data under it
     * @param issuerPort port of the token issuer (0: any free port); its key is new on every start
     */
    public static LocalStack start(int postgresPort, int kafkaPort, int issuerPort, Path dataDir) {
        LocalPostgres postgres =
                LocalPostgres.start(postgresPort, dataDir == null ? null : dataDir.resolve("postgres"), DATABASES);
        LocalKafka kafka = null;
        try {
            kafka = LocalKafka.start(kafkaPort, dataDir == null ? null : dataDir.resolve("kafka"));
            return new LocalStack(postgres, kafka, LocalTokenIssuer.start(issuerPort));
        } catch (RuntimeException e) {
            if (kafka != null) {
                kafka.close();
            }
            postgres.close();
            throw e;
        }
    }

    /** One throw-away stack for the whole test JVM. */
    public static synchronized LocalStack shared() {
        if (shared == null) {
            shared = start(0, 0, 0, null);
            LocalStack stack = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        }
        return shared;
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database) + "?reWriteBatchedInserts=true";
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The token issuer the services of this stack trust ({@code huzhu.security.jwk-set-uri}). */
    public LocalTokenIssuer tokens() {
        return tokens;
    }

    /** PostgreSQL itself, to stop and start it again (outage drills). */
    public LocalPostgres postgres() {
        return postgres;
    }

    /** The Kafka broker itself, to stop and start it again (outage drills). */
    public LocalKafka kafka() {
        return kafka;
    }

    public int postgresPort() {
        return postgres.port();
    }

    @Override
    public void close() {
        try {
            tokens.close();
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
