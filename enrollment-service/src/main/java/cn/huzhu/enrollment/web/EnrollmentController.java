package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.command.CollectionMethod;
import cn.huzhu.enrollment.command.batch.BatchItemResult;
import cn.huzhu.enrollment.command.batch.EnrollMembersCommand;
import cn.huzhu.enrollment.command.batch.RecordPremiumCollectionsCommand;
import cn.huzhu.enrollment.command.member.EnrollMemberCommand;
import cn.huzhu.enrollment.command.member.EnrollmentResult;
import cn.huzhu.enrollment.command.member.Migration;
import cn.huzhu.enrollment.command.member.RecordPremiumCollectionCommand;
import cn.huzhu.enrollment.query.EnrollmentView;
import cn.huzhu.enrollment.query.FindEnrollmentQuery;
import cn.huzhu.enrollment.query.FindEnrollmentsQuery;
import cn.huzhu.security.NotFoundException;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/enrollments")
public class EnrollmentController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final Scope scope;

    public EnrollmentController(CommandGateway commands, QueryGateway queries, Clock clock, Scope scope) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.scope = scope;
    }

    /** {@code effectiveDate} (absent: today) is never a day already past: historical enrolments are migrated. */
    public record EnrollRequest(
            @NotNull UUID memberId,
            @NotBlank String planId,
            @NotNull @Min(1) @Max(99) Integer shares,
            @Min(1) @Max(10) Integer termYears,
            LocalDate effectiveDate) {}

    public record EnrollmentCreated(EnrollmentResponse enrollment, List<EnrollmentResponse> gifts) {}

    @PostMapping
    public ResponseEntity<EnrollmentCreated> enroll(@Valid @RequestBody EnrollRequest request) {
        scope.mayActOnMember(request.memberId());
        String enrollmentId = UUID.randomUUID().toString();
        EnrollmentResult result = commands.sendAndWait(new EnrollMemberCommand(
                request.memberId().toString(),
                enrollmentId,
                request.planId(),
                request.shares(),
                request.termYears(),
                request.effectiveDate(),
                LocalDate.now(clock)));
        EnrollmentCreated body = new EnrollmentCreated(
                find(UUID.fromString(result.enrollmentId())),
                result.giftEnrollmentIds().stream()
                        .map(id -> find(UUID.fromString(id)))
                        .toList());
        return ResponseEntity.created(URI.create("/api/enrollments/" + enrollmentId))
                .body(body);
    }

    public record EnrollBatchRequest(
            @NotEmpty @Size(max = MemberController.BATCH_LIMIT)
            List<@Valid @NotNull EnrollRequest> items) {}

    /** Up to 1000 enrolments in one transaction; every item answered in order (ACCEPTED with the enrolment and gift ids, or REFUSED with a code). */
    @PostMapping("/batch")
    public BatchResponse enrollBatch(@Valid @RequestBody EnrollBatchRequest request) {
        request.items().stream().map(EnrollRequest::memberId).distinct().forEach(scope::mayActOnMember);
        LocalDate today = LocalDate.now(clock);
        List<EnrollMemberCommand> items = request.items().stream()
                .map(r -> new EnrollMemberCommand(
                        r.memberId().toString(),
                        UUID.randomUUID().toString(),
                        r.planId(),
                        r.shares(),
                        r.termYears(),
                        r.effectiveDate(),
                        today))
                .toList();
        List<BatchItemResult> results = commands.sendAndWait(new EnrollMembersCommand(items));
        return BatchResponse.of(results);
    }

    public record MigrationItem(
            @NotNull UUID memberId,
            @NotBlank @Size(max = 100) String planId,
            @NotNull @Min(1) @Max(99) Integer shares,
            @Min(1) @Max(10) Integer termYears,
            @NotNull LocalDate effectiveDate,
            @NotNull LocalDate paidOn,
            @NotBlank @Size(max = 100) String paymentReference) {}

    public record MigrationRequest(
            @NotEmpty @Size(max = MemberController.BATCH_LIMIT)
            List<@Valid @NotNull MigrationItem> items) {}

    /**
     * The scheme administrator's migration of historical enrolments from a legacy system (the only way cover starts on a
     * day already past): each with the day it was paid there and the payment's reference, in force at once, decided by
     * the plan's rules as of that payment; up to 1000 in one transaction, answered as a batch.
     */
    @PostMapping("/migrations")
    public BatchResponse migrate(@Valid @RequestBody MigrationRequest request) {
        LocalDate today = LocalDate.now(clock);
        List<EnrollMemberCommand> items = request.items().stream()
                .map(r -> EnrollMemberCommand.migrated(
                        r.memberId().toString(),
                        UUID.randomUUID().toString(),
                        r.planId(),
                        r.shares(),
                        r.termYears(),
                        r.effectiveDate(),
                        today,
                        new Migration(r.paidOn(), r.paymentReference())))
                .toList();
        return BatchResponse.of(commands.sendAndWait(new EnrollMembersCommand(items)));
    }

    public record CollectionRequest(
            @NotNull CollectionResult result,
            CollectionMethod method,
            @NotBlank @Size(max = 100) String reference,
            @Size(max = 150) String reason,
            LocalDate on) {}

    public enum CollectionResult {
        SUCCEEDED,
        FAILED
    }

    /**
     * The result of collecting a pending enrolment's premium, as the bank reports a deduction (or the union
     * records a payment): SUCCEEDED puts the enrolment in force (from that day for plans whose cover runs from
     * enrolment); FAILED with the bank's reason leaves it pending. The same result again changes nothing.
     */
    @PostMapping("/{enrollmentId}/collections")
    public EnrollmentResponse collect(@PathVariable UUID enrollmentId, @Valid @RequestBody CollectionRequest request) {
        EnrollmentResponse enrolment = find(enrollmentId);
        commands.sendAndWait(collection(
                enrolment.memberId(),
                enrollmentId,
                request.result(),
                request.method(),
                request.reference(),
                request.reason(),
                request.on(),
                LocalDate.now(clock)));
        return find(enrollmentId);
    }

    public record CollectionItem(
            @NotNull UUID enrollmentId,
            @NotNull CollectionResult result,
            CollectionMethod method,
            @NotBlank @Size(max = 100) String reference,
            @Size(max = 150) String reason,
            LocalDate on) {}

    public record CollectionBatchRequest(
            @NotEmpty @Size(max = MemberController.BATCH_LIMIT)
            List<@Valid @NotNull CollectionItem> items) {}

    /**
     * The bank's answer to a run of deductions (or a list of payments), recorded by finance: up to 1000 results in one
     * transaction, each decided as a single one is and answered in order (ACCEPTED with the enrolment's id, or REFUSED
     * with a code: UNKNOWN_ENROLLMENT, ALREADY_COLLECTED …). The same results again change nothing.
     */
    @PostMapping("/collections")
    public BatchResponse collectBatch(@Valid @RequestBody CollectionBatchRequest request) {
        List<UUID> ids = request.items().stream()
                .map(CollectionItem::enrollmentId)
                .distinct()
                .toList();
        Map<String, String> memberOf = queries
                .query(new FindEnrollmentsQuery(ids), ResponseTypes.multipleInstancesOf(EnrollmentView.class))
                .join()
                .stream()
                .filter(e -> scope.reachesMember(e.memberId()))
                .collect(Collectors.toMap(EnrollmentView::enrollmentId, EnrollmentView::memberId));
        LocalDate today = LocalDate.now(clock);
        List<RecordPremiumCollectionCommand> known = new ArrayList<>();
        for (CollectionItem item : request.items()) {
            String memberId = memberOf.get(item.enrollmentId().toString());
            if (memberId != null) {
                known.add(collection(
                        memberId,
                        item.enrollmentId(),
                        item.result(),
                        item.method(),
                        item.reference(),
                        item.reason(),
                        item.on(),
                        today));
            }
        }
        List<BatchItemResult> decided =
                known.isEmpty() ? List.of() : commands.sendAndWait(new RecordPremiumCollectionsCommand(known));
        List<BatchItemResult> results = new ArrayList<>(request.items().size());
        int next = 0;
        for (int i = 0; i < request.items().size(); i++) {
            String enrollmentId = request.items().get(i).enrollmentId().toString();
            if (memberOf.containsKey(enrollmentId)) {
                BatchItemResult r = decided.get(next++);
                results.add(new BatchItemResult(i, r.done(), r.id(), r.giftIds(), r.code(), r.field(), r.message()));
            } else {
                results.add(BatchItemResult.refused(
                        i,
                        enrollmentId,
                        "UNKNOWN_ENROLLMENT",
                        "enrollmentId",
                        "There is no enrolment " + enrollmentId));
            }
        }
        return BatchResponse.of(results);
    }

    private static RecordPremiumCollectionCommand collection(
            String memberId,
            UUID enrollmentId,
            CollectionResult result,
            CollectionMethod method,
            String reference,
            String reason,
            LocalDate on,
            LocalDate today) {
        return new RecordPremiumCollectionCommand(
                new MemberId(memberId),
                new EnrollmentId(enrollmentId.toString()),
                result == CollectionResult.SUCCEEDED,
                method != null ? method : CollectionMethod.BANK_DEDUCTION,
                reference.strip(),
                reason,
                on != null ? on : today,
                today,
                Scope.actor());
    }

    @GetMapping("/{enrollmentId}")
    public EnrollmentResponse get(@PathVariable UUID enrollmentId) {
        return find(enrollmentId);
    }

    private EnrollmentResponse find(UUID enrollmentId) {
        return queries.query(
                        new FindEnrollmentQuery(enrollmentId), ResponseTypes.optionalInstanceOf(EnrollmentView.class))
                .join()
                .filter(e -> scope.reachesMember(e.memberId()))
                .map(EnrollmentResponse::of)
                .orElseThrow(() -> new NotFoundException("enrolment", enrollmentId.toString()));
    }
}
