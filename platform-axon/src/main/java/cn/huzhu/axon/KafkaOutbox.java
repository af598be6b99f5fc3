package cn.huzhu.axon;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The event store as the outbox (ADR 0003): an event handler of a streaming processor sends its records with
 * this, and the processor's unit of work waits for Kafka to acknowledge every record of the batch before it
 * stores its token. After a crash the batch is sent again with the same event ids, which consumers
 * deduplicate on.
 */
public final class KafkaOutbox<V> {

    private static final long ACK_TIMEOUT_SECONDS = 60;

    private final KafkaTemplate<String, V> kafka;
    private final String pendingKey = KafkaOutbox.class.getName() + ".pending." + System.identityHashCode(this);

    public KafkaOutbox(KafkaTemplate<String, V> kafka) {
        this.kafka = kafka;
    }

    public void send(String topic, String key, V record) {
        CompletableFuture<?> sent = kafka.send(topic, key, record);
        if (!CurrentUnitOfWork.isStarted()) {
            await(List.of(sent));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<CompletableFuture<?>> pending = root.getOrComputeResource(pendingKey, k -> {
            List<CompletableFuture<?>> futures = new ArrayList<>();
            root.onPrepareCommit(u -> await(futures));
            return futures;
        });
        pending.add(sent);
    }

    private static void await(List<CompletableFuture<?>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka acknowledgements", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch; it will be sent again", e);
        }
    }
}
