package cn.huzhu.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * PostgreSQL (one database per service) and Kafka together. {@link #shared()} gives tests one
 * throw-away stack per JVM, stopped when the JVM exits.
 */
public final class LocalStack implements AutoCloseable {

    public static final List<String> DATABASES = List.of("enrollment", "reporting", "claims", "payout");

    private static LocalStack shared;

    private final LocalPostgres postgres;
    private final LocalKafka kafka;

    private LocalStack(LocalPostgres postgres, LocalKafka kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /**
     * @param dataDir null for throw-away data; otherwise PostgreSQL and Kafka keep their data under it
     */
    public static LocalStack start(int postgresPort, int kafkaPort, Path dataDir) {
        LocalPostgres postgres = LocalPostgres.start(postgresPort, dataDir == null ? null : dataDir.resolve("postgres"), DATABASES);
        try {
            LocalKafka kafka = LocalKafka.start(kafkaPort, dataDir == null ? null : dataDir.resolve("kafka"));
            return new LocalStack(postgres, kafka);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** One throw-away stack for the whole test JVM. */
    public static synchronized LocalStack shared() {
        if (shared == null) {
            shared = start(0, 0, null);
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

    public int postgresPort() {
        return postgres.port();
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
