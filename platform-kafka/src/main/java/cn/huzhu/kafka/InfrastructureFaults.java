package cn.huzhu.kafka;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means that PostgreSQL or Kafka cannot be reached (the record is good and must wait), as opposed to a
 * record that can never be applied. Read anywhere in the cause chain, as Axon, Spring and the driver each wrap the last.
 */
public final class InfrastructureFaults {

    private InfrastructureFaults() {}

    public static boolean isInfrastructureDown(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof java.net.ConnectException
                    || t instanceof org.apache.kafka.common.errors.RetriableException
                    || t instanceof org.springframework.kafka.KafkaException
                            && t.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && unreachable(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes of a server that cannot be reached or is going away: 08 connection exception, 57P operator
     * intervention (shutdown, starting up), 53 insufficient resources (too many connections, disk full).
     */
    private static boolean unreachable(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"));
    }
}
