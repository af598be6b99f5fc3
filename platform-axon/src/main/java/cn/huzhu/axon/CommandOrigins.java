package cn.huzhu.axon;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;

/**
 * The correlation data of the services: the events a command appends carry that command's origin as Axon's
 * {@link MessageOriginProvider} gives it (the command as their {@code correlationId}, the trace it belongs to as their
 * {@code traceId}); an event handled by a processor passes nothing on by itself. Axon asks for the correlation data of
 * every event a processor handles (it builds a result message for each), and for a stored event that means reading its
 * metadata JSON: a sixth of the enrolment publisher's profile samples went there (ADR 0043). A handler that sends a command because of an event says so with {@link #causedBy}, which reads that one
 * event's metadata and gives the command the event's origin, as Axon would have.
 */
public final class CommandOrigins implements CorrelationDataProvider {

    private static final MessageOriginProvider ORIGIN = new MessageOriginProvider();

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return message instanceof EventMessage<?> ? Map.of() : ORIGIN.correlationDataFor(message);
    }

    /** {@code command} as a message carrying the origin of {@code event}: the event as its correlation, the event's trace. */
    public static CommandMessage<?> causedBy(EventMessage<?> event, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(ORIGIN.correlationDataFor(event));
    }
}
