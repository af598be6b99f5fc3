package cn.huzhu.claims.command.stay;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.huzhu.claims.engine.Claim;
import cn.huzhu.claims.engine.ClaimType;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The stays (and other insured events) a member has claimed, whichever way: a claim over REST or a hospital desk's
 * settlement. A second claim for the same stay, whatever its free text (another hospital name, a bill changed by a fen),
 * is refused naming the first. One register per member keeps two claims sent at once from both passing (the second's
 * append clashes and is tried again). A claim the rules rejected gives its stay back, so that a corrected claim may be
 * filed; one in review, approved, rejected in review or revoked keeps it. The recently used registers stay in memory: a
 * register was read back from its events for every claim, the largest part of a hospital settlement's work, and a stale
 * copy's append is refused by the event store like any concurrent change.
 */
@Aggregate(cache = "stayRegisterCache")
public class StayRegisterAggregate {

    @AggregateIdentifier
    private RegisterId registerId;

    private final Map<ClaimId, StayClaimedEvent> stays = new LinkedHashMap<>();

    protected StayRegisterAggregate() {}

    public StayRegisterAggregate(RegisterId registerId, MemberId memberId) {
        apply(new StayRegisterOpenedEvent(registerId, memberId));
    }

    public static RegisterId idOf(MemberId memberId) {
        return RegisterId.of(memberId);
    }

    /** Records the claim's stay; refused when another claim of the member covers part of it. The same claim again changes nothing. */
    public void claim(ClaimId claimId, Claim claim) {
        LocalDate last = claim.type() == ClaimType.HOSPITALIZATION
                        && claim.dischargeDate() != null
                        && !claim.dischargeDate().isBefore(claim.eventDate())
                ? claim.dischargeDate()
                : claim.eventDate();
        StayClaimedEvent stay = new StayClaimedEvent(
                registerId, claimId, claim.type().name(), claim.eventDate(), last, claim.diseaseCode());
        for (StayClaimedEvent other : stays.values()) {
            if (!other.claimId().equals(claimId) && other.sameEvent(stay)) {
                throw new DuplicateStayException(other.claimId().value());
            }
        }
        if (!stays.containsKey(claimId)) {
            apply(stay);
        }
    }

    /** Gives the stay back (the claim was rejected by the rules). */
    public void release(ClaimId claimId) {
        if (stays.containsKey(claimId)) {
            apply(new StayReleasedEvent(registerId, claimId));
        }
    }

    @EventSourcingHandler
    void on(StayRegisterOpenedEvent event) {
        registerId = event.registerId();
    }

    @EventSourcingHandler
    void on(StayClaimedEvent event) {
        stays.put(event.claimId(), event);
    }

    @EventSourcingHandler
    void on(StayReleasedEvent event) {
        stays.remove(event.claimId());
    }
}
