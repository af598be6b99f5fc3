package cn.huzhu.axon;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ids of the events the Kafka publisher has handled, written in the transaction that stores its token (after Kafka
 * acknowledged the batch): what {@link PublicationCheck} compares the event store with. An interceptor of the publisher's
 * processor.
 */
public final class PublicationLog implements MessageHandlerInterceptor<EventMessage<?>> {

    /** The processing group of every service's publisher. */
    public static final String PROCESSOR = "kafka-publisher";

    static final String INSERT =
            "insert into publication_log (event_id, global_index) values (?, ?) on conflict do nothing";

    private final JdbcTemplate jdbc;
    private final String rowsKey = PublicationLog.class.getName() + ".rows." + System.identityHashCode(this);

    public PublicationLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        EventMessage<?> event = unitOfWork.getMessage();
        Long index = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().stream()
                        .boxed()
                        .findFirst()
                        .orElse(null)
                : null;
        UnitOfWork<?> root = unitOfWork.root();
        List<Object[]> rows = root.getOrComputeResource(rowsKey, k -> {
            List<Object[]> pending = new ArrayList<>();
            root.onPrepareCommit(u -> jdbc.batchUpdate(INSERT, pending));
            return pending;
        });
        rows.add(new Object[] {event.getIdentifier(), index});
        return result;
    }
}
