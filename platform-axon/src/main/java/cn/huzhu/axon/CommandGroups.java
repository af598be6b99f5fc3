package cn.huzhu.axon;

import java.util.function.Supplier;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

/**
 * Several commands as one: sent from {@code work} inside one unit of work and one database transaction, so their events
 * are stored together or not at all, at the cost of one commit. Each command runs in a unit of work nested in this one:
 * the aggregates it loaded stay locked, and their cached state is only trusted, until the whole group commits; if any
 * command fails, or the commit does, everything rolls back and Axon drops those aggregates from its cache.
 *
 * <p>Meant for bulk paths (a poll of Kafka records, a group of transfers): a caller whose group fails sends the commands
 * again one by one, to find the one at fault and let the others through.
 */
public final class CommandGroups {

    private CommandGroups() {}

    /** Runs {@code work} in one transaction; its exception (or the commit's) is thrown after the rollback. */
    public static <R> R together(TransactionManager transactionManager, Supplier<R> work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command-group"));
        unitOfWork.attachTransaction(transactionManager);
        ResultMessage<R> result = unitOfWork.executeWithResult(work::get, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("A group of commands failed", cause);
        }
        return result.getPayload();
    }
}
