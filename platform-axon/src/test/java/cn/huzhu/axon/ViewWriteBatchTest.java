package cn.huzhu.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class ViewWriteBatchTest {

    /** Records what would reach the database: a line per statement or batch. */
    private final List<String> sent = new ArrayList<>();

    private final JdbcTemplate jdbc = new JdbcTemplate() {
        @Override
        public int update(String sql, Object... args) {
            sent.add(sql + " " + Arrays.toString(args));
            return 1;
        }

        @Override
        public int[] batchUpdate(String sql, List<? extends Object[]> batchArgs) {
            sent.add(sql + " " + batchArgs.stream().map(Arrays::toString).toList());
            return new int[batchArgs.size()];
        }
    };

    private void inUnitOfWork(Runnable writes) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("test"));
        unitOfWork.execute(writes);
    }

    @Test
    void inOrderKeepsTheOrderWrittenAndBatchesOnlyConsecutiveStatementsOfOneSql() {
        inUnitOfWork(() -> {
            ViewWriteBatch.addInOrder(jdbc, "A", 1);
            ViewWriteBatch.addInOrder(jdbc, "A", 2);
            ViewWriteBatch.addInOrder(jdbc, "B", 3);
            ViewWriteBatch.addInOrder(jdbc, "A", 4);
            assertThat(sent).as("nothing before the commit").isEmpty();
        });
        assertThat(sent).containsExactly("A [[1], [2]]", "B [[3]]", "A [[4]]");
    }

    @Test
    void groupedWritesEachSqlOnceInTheOrderItFirstAppeared() {
        inUnitOfWork(() -> {
            ViewWriteBatch.add(jdbc, "A", 1);
            ViewWriteBatch.add(jdbc, "B", 2);
            ViewWriteBatch.add(jdbc, "A", 3);
        });
        assertThat(sent).containsExactly("A [[1], [3]]", "B [[2]]");
    }

    @Test
    void nestedUnitsOfWorkWriteWithTheirRoot() {
        inUnitOfWork(() -> {
            DefaultUnitOfWork.startAndGet(new GenericMessage<>("nested"))
                    .execute(() -> ViewWriteBatch.addInOrder(jdbc, "A", 1));
            assertThat(sent)
                    .as("a nested unit of work's commit is not the root's")
                    .isEmpty();
            ViewWriteBatch.addInOrder(jdbc, "A", 2);
        });
        assertThat(sent).containsExactly("A [[1], [2]]");
    }

    @Test
    void withoutAUnitOfWorkAStatementRunsAtOnce() {
        ViewWriteBatch.addInOrder(jdbc, "A", 1);
        ViewWriteBatch.add(jdbc, "B", 2);
        assertThat(sent).containsExactly("A [1]", "B [2]");
    }

    @Test
    void aRolledBackUnitOfWorkWritesNothing() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("test"));
        ViewWriteBatch.addInOrder(jdbc, "A", 1);
        unitOfWork.rollback();
        assertThat(sent).isEmpty();
    }
}
