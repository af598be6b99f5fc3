package cn.huzhu.enrollment.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Batches of registrations and enrolments, each batch in one unit of work: all its events are appended in
 * one transaction, which is what makes bulk loads fast. Each item is decided by the same rules as a single
 * request; a refused item is reported and changes nothing, the others go ahead.
 */
public class BatchHandler {

    private final MemberRegistrationHandler registration;
    private final Repository<MemberAggregate> members;
    private final PlanCatalog catalog;

    public BatchHandler(MemberRegistrationHandler registration, Repository<MemberAggregate> members, PlanCatalog catalog) {
        this.registration = registration;
        this.members = members;
        this.catalog = catalog;
    }

    @CommandHandler
    public List<BatchItemResult> handle(RegisterMembersCommand command) throws Exception {
        List<BatchItemResult> results = new ArrayList<>(command.items().size());
        Set<String> registered = new HashSet<>();
        for (int i = 0; i < command.items().size(); i++) {
            try {
                String memberId = registration.register(command.items().get(i), registered);
                registered.add(memberId);
                results.add(BatchItemResult.done(i, memberId, List.of()));
            } catch (InvalidIdNumberException e) {
                results.add(BatchItemResult.refused(i, null, "INVALID_ID_NUMBER", "idNumber", e.getMessage()));
            } catch (UnknownUnitException e) {
                results.add(BatchItemResult.refused(i, null, "UNKNOWN_UNIT", "unitId", e.getMessage()));
            } catch (MemberAlreadyRegisteredException e) {
                results.add(BatchItemResult.refused(i, e.memberId(), "MEMBER_EXISTS", "idNumber", e.getMessage()));
            }
        }
        return results;
    }

    @CommandHandler
    public List<BatchItemResult> handle(EnrollMembersCommand command) {
        List<BatchItemResult> results = new ArrayList<>(command.items().size());
        for (int i = 0; i < command.items().size(); i++) {
            EnrollMemberCommand item = command.items().get(i);
            try {
                EnrollmentResult result = members.load(item.memberId()).invoke(member -> member.enrol(item, catalog));
                results.add(BatchItemResult.done(i, result.enrollmentId(), result.giftEnrollmentIds()));
            } catch (EnrollmentRefusedException e) {
                results.add(BatchItemResult.refused(i, null, e.code(), e.field(), e.getMessage()));
            } catch (AggregateNotFoundException e) {
                results.add(BatchItemResult.refused(i, null, "UNKNOWN_MEMBER", "memberId", "There is no such member"));
            }
        }
        return results;
    }
}
