package cn.huzhu.claims.query;

import cn.huzhu.claims.command.claim.ClaimAdjudicatedEvent;
import cn.huzhu.claims.command.claim.ClaimStatus;
import cn.huzhu.claims.command.claim.CoverageDirectory;
import cn.huzhu.claims.command.claim.DecidePendingClaimCommand;
import cn.huzhu.vocabulary.ClaimId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The claims waiting for cover (kept in the transaction of their decision), and the check that decides them: one whose
 * member's cover has reached claims, or whose wait is over, is decided (the command decides each once, so two instances
 * checking at the same moment do no harm).
 */
@Component
@ProcessingGroup("pending-claims")
public class PendingClaims {

    private static final Logger log = LoggerFactory.getLogger(PendingClaims.class);

    private final JdbcTemplate jdbc;
    private final CoverageDirectory coverages;
    private final CommandGateway commands;
    private final Clock clock;

    public PendingClaims(JdbcTemplate jdbc, CoverageDirectory coverages, CommandGateway commands, Clock clock) {
        this.jdbc = jdbc;
        this.coverages = coverages;
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(ClaimAdjudicatedEvent e) {
        if (e.status() == ClaimStatus.PENDING_COVERAGE) {
            jdbc.update(
                    """
                    insert into pending_claim (claim_id, member_id, event_date, pending_until) values (?, ?, ?, ?)
                    on conflict (claim_id) do update set pending_until = excluded.pending_until""",
                    e.claimId().value(),
                    e.memberId().value(),
                    e.claim().eventDate(),
                    Timestamp.from(e.pendingUntil()));
        } else {
            jdbc.update(
                    "delete from pending_claim where claim_id = ?", e.claimId().value());
        }
    }

    private record Waiting(String claimId, String memberId, LocalDate eventDate, Instant until) {}

    /** Decides the waiting claims whose cover has come or whose wait is over (every {@code huzhu.claims.pending-check}). */
    @Scheduled(fixedDelayString = "${huzhu.claims.pending-check}", initialDelayString = "${huzhu.claims.pending-check}")
    public void decideWhatCan() {
        Instant now = clock.instant();
        List<Waiting> waiting = jdbc.query(
                "select claim_id, member_id, event_date, pending_until from pending_claim order by pending_until limit 1000",
                (rs, i) -> new Waiting(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getTimestamp(4).toInstant()));
        for (Waiting w : waiting) {
            if (!now.isBefore(w.until())
                    || !coverages.coveragesOn(w.memberId(), w.eventDate()).isEmpty()) {
                try {
                    commands.sendAndWait(new DecidePendingClaimCommand(new ClaimId(w.claimId()), now));
                } catch (RuntimeException e) {
                    log.warn("Claim {} waiting for cover not decided yet: {}", w.claimId(), e.toString());
                }
            }
        }
    }
}
