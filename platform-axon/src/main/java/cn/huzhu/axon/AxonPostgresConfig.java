package cn.huzhu.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon on PostgreSQL through plain JDBC: the JDBC storage engine is several times faster than JPA on
 * bulk appends, and naming the token store here makes sure processors never fall back to an in-memory one.
 * Events are JSON (Jackson 2, which Axon 4 uses; the web layer has Spring Boot's Jackson 3). Every
 * event-sourced service imports it; the event store tables are in each service's first Flyway migration.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AxonPostgresConfig {

    @Bean
    public ObjectMapper axonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new TypedIds())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    @Primary
    public Serializer serializer(ObjectMapper axonObjectMapper) {
        return jackson(axonObjectMapper);
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(ObjectMapper axonObjectMapper) {
        return jackson(axonObjectMapper);
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(ObjectMapper axonObjectMapper) {
        return jackson(axonObjectMapper);
    }

    /**
     * Axon's Jackson serializer on the mapper with a reader kept per type ({@link StoredJsonSerializer}), stored values
     * read by {@link StoredJsonReading}.
     */
    private static Serializer jackson(ObjectMapper axonObjectMapper) {
        return StoredJsonReading.register(
                new StoredJsonSerializer(JacksonSerializer.builder().objectMapper(axonObjectMapper)));
    }

    /**
     * The origin of commands on the events they append; events handled by processors pass none on by themselves
     * ({@link CommandOrigins}). Replaces Axon's {@code MessageOriginProvider}.
     */
    @Bean
    public CorrelationDataProvider commandOrigins() {
        return new CommandOrigins();
    }

    /**
     * Axon's units of work run in Spring transactions: the events a command appends, the views its subscribing processors
     * write and a processor's token commit together or not at all. Declared here because Axon 4's auto-configuration
     * orders itself after Spring Boot 3's transaction manager configuration, which Spring Boot 4 moved: it would find no
     * {@code PlatformTransactionManager} and fall back to no transactions at all (each statement committed on its own,
     * so a crash could keep an event and lose the view row written for it).
     */
    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    /**
     * The event store: Axon's JDBC engine, its large appends committed in global-index order so that readers never give up
     * their events as gaps ({@link OrderedJdbcEventStorageEngine}, {@code huzhu.axon.large-append}); {@link PublicationCheck}
     * catches anything that slips all the same.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(
            DataSource dataSource,
            TransactionManager transactionManager,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Serializer serializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Value("${huzhu.axon.large-append:100}") int largeAppend,
            ObjectProvider<StoredEventNames> storedEventNames,
            ObjectProvider<StoredShapeChange> shapeChanges) {
        return new OrderedJdbcEventStorageEngine(
                OrderedJdbcEventStorageEngine.builder()
                        .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                        .transactionManager(transactionManager)
                        .eventSerializer(eventSerializer)
                        .snapshotSerializer(serializer)
                        .persistenceExceptionResolver(persistenceExceptionResolver)
                        .upcasterChain(StoredShapeChange.chain(
                                storedEventNames.getIfAvailable(StoredEventNames::none),
                                shapeChanges.orderedStream().toList()))
                        .dataType(byte[].class),
                largeAppend);
    }

    /**
     * The ids of the events the publisher handled, written with its token: an interceptor of the publisher's processor
     * alone. Not a bean: Axon's auto-configuration registers every {@code MessageHandlerInterceptor} bean on every event
     * processor, and a row written by another processor (the views, in the command's own transaction) would tell the
     * {@link PublicationCheck} that an event was published before the publisher had seen it.
     */
    @Bean
    public ConfigurerModule publicationLogInterceptor(JdbcTemplate jdbc) {
        PublicationLog publicationLog = new PublicationLog(jdbc);
        return configurer ->
                configurer.eventProcessing().registerHandlerInterceptor(PublicationLog.PROCESSOR, c -> publicationLog);
    }

    /**
     * An event handler that fails (PostgreSQL or Kafka out of reach) fails its batch, which the processor tries again after
     * a pause: Axon's default logs the failure and goes on to the next event, and the event would never be handled (a
     * notice never sent, a recovery never opened).
     */
    @Bean
    public ConfigurerModule failedHandlersAreRetried() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /** The publication check ({@link PublicationCheck}), every {@code huzhu.publication.check-interval}. */
    @Bean
    public PublicationCheck publicationCheck(
            JdbcTemplate jdbc,
            Serializer serializer,
            EventStorageEngine storage,
            EventProcessingConfiguration processing,
            TransactionManager transactions,
            @Value("${huzhu.publication.settle:PT10S}") Duration settle,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<StoredEventNames> storedEventNames) {
        return new PublicationCheck(
                jdbc,
                serializer,
                storage,
                processing,
                transactions,
                settle,
                java.time.Clock.systemUTC(),
                meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new),
                storedEventNames.getIfAvailable(StoredEventNames::none));
    }

    /**
     * Tokens claimed under a node id of this context alone ({@code pid@host/xxxxxxxx}): Axon's default, the JVM's name, is
     * shared by every context of one JVM, so two application contexts on one database (tests keeping several running)
     * would both believe they own a segment and both publish its events.
     */
    @Bean
    public TokenStore tokenStore(DataSource dataSource, Serializer serializer) {
        return JdbcTokenStore.builder()
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/"
                        + UUID.randomUUID().toString().substring(0, 8))
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .serializer(serializer)
                .schema(TokenSchema.builder().build())
                .contentType(byte[].class)
                .build();
    }
}
