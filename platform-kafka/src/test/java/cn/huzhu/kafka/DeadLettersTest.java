package cn.huzhu.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class DeadLettersTest {

    private final List<ConsumerRecord<?, ?>> published = new ArrayList<>();
    private final ConsumerRecord<String, byte[]> record =
            new ConsumerRecord<>("huzhu.claims.decisions.v1", 4, 26, "member", new byte[] {1});

    @Test
    void aRecordWhoseLastFailureIsTheDatabaseOutOfReachIsNotDeadLettered() {
        // as a batch listener's failure reaches the recoverer: wrapped by the container and the listener
        Exception outage = new ListenerExecutionFailedException(
                "listener failed",
                new BatchListenerFailedException(
                        "Approval not scheduled",
                        new CannotCreateTransactionException(
                                "Could not open JDBC Connection", new ConnectException("Connection refused")),
                        0));

        assertThatThrownBy(() -> DeadLetters.unlessInfrastructureDown((r, e) -> published.add(r))
                        .accept(record, outage))
                .hasMessageContaining("huzhu.claims.decisions.v1-4@26 is tried again");
        assertThat(published).isEmpty();
    }

    @Test
    void aRecordThatFailsForItsOwnSakeIsDeadLettered() {
        Exception own = new ListenerExecutionFailedException(
                "listener failed",
                new BatchListenerFailedException(
                        "Approval not scheduled", new IllegalArgumentException("no such plan"), 0));

        DeadLetters.unlessInfrastructureDown((r, e) -> published.add(r)).accept(record, own);

        assertThat(published).containsExactly(record);
    }
}
