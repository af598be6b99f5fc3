package cn.huzhu.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

/** Commands pass their origin on to their events as Axon's provider does; events handled by processors read nothing for it. */
class CommandOriginsTest {

    private final AxonPostgresConfig config = new AxonPostgresConfig();
    private final Serializer serializer = config.eventSerializer(config.axonObjectMapper());

    record Enrolled(String memberId) {}

    record Recover(String memberId) {}

    @Test
    void aCommandsEventsCarryItsOriginAsAxonsProviderGivesIt() {
        CommandMessage<?> first = GenericCommandMessage.asCommandMessage(new Recover("m-1"));
        CommandMessage<?> later = GenericCommandMessage.asCommandMessage(new Recover("m-1"))
                .andMetaData(Map.of("correlationId", "cause-1", "traceId", "root-1"));

        for (CommandMessage<?> command : new CommandMessage<?>[] {first, later}) {
            assertThat(new CommandOrigins().correlationDataFor(command))
                    .isEqualTo(new MessageOriginProvider().correlationDataFor(command));
        }
        Map<String, ?> origin = new CommandOrigins().correlationDataFor(later);
        assertThat(origin.get("correlationId")).isEqualTo(later.getIdentifier());
        assertThat(origin.get("traceId")).isEqualTo("root-1");
    }

    @Test
    void anEventHandledInAProcessorsBatchHasItsMetadataLeftUnread() throws Exception {
        SerializedMessage<?> withOurs = stored();
        handleInABatch(withOurs, new CommandOrigins());
        assertThat(withOurs.isMetaDataDeserialized()).isFalse();

        SerializedMessage<?> withAxons = stored();
        handleInABatch(withAxons, new MessageOriginProvider());
        assertThat(withAxons.isMetaDataDeserialized()).isTrue();
    }

    @Test
    void aCommandSentBecauseOfAnEventCarriesTheEventsOrigin() {
        SerializedMessage<?> stored = stored();
        EventMessage<?> event = new GenericEventMessage<>(stored, Instant::now);

        CommandMessage<?> command = CommandOrigins.causedBy(event, new Recover("m-1"));

        assertThat(command.getPayload()).isEqualTo(new Recover("m-1"));
        assertThat(command.getMetaData())
                .containsEntry("correlationId", stored.getIdentifier())
                .containsEntry("traceId", "root-1");
    }

    private SerializedMessage<?> stored() {
        MetaData origin = MetaData.with("correlationId", "command-1").and("traceId", "root-1");
        return new SerializedMessage<>(
                "event-1",
                serializer.serialize(new Enrolled("m-1"), byte[].class),
                serializer.serialize(origin, byte[].class),
                serializer);
    }

    /** What a streaming processor does for each event of a batch: a result message built in the batch's unit of work. */
    private static void handleInABatch(SerializedMessage<?> stored, CorrelationDataProvider provider) throws Exception {
        EventMessage<?> event = new GenericEventMessage<>(stored, Instant::now);
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(event);
        batch.registerCorrelationDataProvider(provider);
        batch.executeWithResult(() -> "handled", RollbackConfigurationType.ANY_THROWABLE);
        assertThat(batch.getExecutionResult().getResult().getPayload()).isEqualTo("handled");
    }
}
