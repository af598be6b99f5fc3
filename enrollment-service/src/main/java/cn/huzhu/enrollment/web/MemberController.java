package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.MemberCategory;
import cn.huzhu.enrollment.command.batch.BatchItemResult;
import cn.huzhu.enrollment.command.batch.RegisterMembersCommand;
import cn.huzhu.enrollment.command.member.RegisterBankAccountCommand;
import cn.huzhu.enrollment.command.member.RegisterMemberCommand;
import cn.huzhu.enrollment.command.member.SetFundingStatusCommand;
import cn.huzhu.enrollment.query.EnrollmentView;
import cn.huzhu.enrollment.query.FindMemberEnrollmentsQuery;
import cn.huzhu.enrollment.query.MemberView;
import cn.huzhu.identity.BankAccountNumber;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.UnitId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/members")
public class MemberController {

    static final int BATCH_LIMIT = 1000;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final Scope scope;
    private final MemberDisclosure disclosure;
    private final int coolingOffDays;

    public MemberController(
            CommandGateway commands,
            QueryGateway queries,
            Clock clock,
            Scope scope,
            MemberDisclosure disclosure,
            @Value("${huzhu.enrollment.bank-account-cooling-off-days}") int coolingOffDays) {
        this.coolingOffDays = coolingOffDays;
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.scope = scope;
        this.disclosure = disclosure;
    }

    public record RegisterMemberRequest(
            @NotBlank @Size(max = 18) String idNumber,
            @NotBlank @Size(max = 100) String name,

            @Pattern(regexp = "\\+?[0-9-]{5,20}", message = "must be a phone number")
            String phone,

            @NotNull UUID unitId,
            @NotNull MemberCategory category,
            Boolean serviceCard,
            Boolean realNameVerified,
            Boolean hardship,
            Boolean modelWorker,
            Boolean unionMember) {
        @Override
        public String toString() {
            return "RegisterMemberRequest[unitId=" + unitId + ", category=" + category + "]";
        }
    }

    @PostMapping
    public ResponseEntity<MemberView> register(@Valid @RequestBody RegisterMemberRequest request) {
        scope.mayActOnUnit(request.unitId());
        String memberId = commands.sendAndWait(new RegisterMemberCommand(
                request.idNumber(),
                request.name(),
                request.phone(),
                new UnitId(request.unitId().toString()),
                request.category(),
                Boolean.TRUE.equals(request.serviceCard()),
                Boolean.TRUE.equals(request.realNameVerified()),
                Boolean.TRUE.equals(request.hardship()),
                Boolean.TRUE.equals(request.modelWorker()),
                Boolean.TRUE.equals(request.unionMember()),
                LocalDate.now(clock),
                Scope.actor()));
        return ResponseEntity.created(URI.create("/api/members/" + memberId)).body(find(UUID.fromString(memberId)));
    }

    public record RegisterMembersRequest(
            @NotEmpty @Size(max = BATCH_LIMIT) List<@Valid @NotNull RegisterMemberRequest> items) {}

    /** Up to 1000 registrations in one transaction; every item answered in order (ACCEPTED with the member id, or REFUSED with a code). */
    @PostMapping("/batch")
    public BatchResponse registerBatch(@Valid @RequestBody RegisterMembersRequest request) {
        request.items().stream().map(RegisterMemberRequest::unitId).distinct().forEach(scope::mayActOnUnit);
        LocalDate today = LocalDate.now(clock);
        Actor actor = Scope.actor();
        List<RegisterMemberCommand> items = request.items().stream()
                .map(r -> new RegisterMemberCommand(
                        r.idNumber(),
                        r.name(),
                        r.phone(),
                        new UnitId(r.unitId().toString()),
                        r.category(),
                        Boolean.TRUE.equals(r.serviceCard()),
                        Boolean.TRUE.equals(r.realNameVerified()),
                        Boolean.TRUE.equals(r.hardship()),
                        Boolean.TRUE.equals(r.modelWorker()),
                        Boolean.TRUE.equals(r.unionMember()),
                        today,
                        actor))
                .toList();
        List<BatchItemResult> results = commands.sendAndWait(new RegisterMembersCommand(items));
        return BatchResponse.of(results);
    }

    @GetMapping("/{memberId}")
    public MemberView get(@PathVariable UUID memberId) {
        return disclosure.asSeenByCaller(find(memberId));
    }

    @GetMapping("/{memberId}/enrollments")
    public List<EnrollmentResponse> enrollments(@PathVariable UUID memberId) {
        find(memberId);
        return queries
                .query(
                        new FindMemberEnrollmentsQuery(memberId),
                        ResponseTypes.multipleInstancesOf(EnrollmentView.class))
                .join()
                .stream()
                .map(EnrollmentResponse::of)
                .toList();
    }

    public record BankAccountRequest(
            @NotBlank @Size(max = 100) String bankName,
            @NotNull BankAccountNumber.Type accountType,
            @NotBlank @Size(max = 40) String number,
            @NotBlank @Size(max = 100) String holderName) {
        @Override
        public String toString() {
            return "BankAccountRequest[bankName=" + bankName + ", accountType=" + accountType + "]";
        }
    }

    /**
     * Registers (or changes) the account the member's benefits are paid to: a card's number must pass the Luhn check, the
     * holder must be the member. The member's own change is in force at once; anyone else's (a unit clerk, an administrator)
     * after the cooling-off period ({@code huzhu.enrollment.bank-account-cooling-off-days}), the member told by SMS, shown
     * meanwhile as {@code pendingBankAccount}. Answers the member with the accounts masked. The same account again changes nothing.
     */
    @PutMapping("/{memberId}/bank-account")
    public MemberView registerBankAccount(@PathVariable UUID memberId, @Valid @RequestBody BankAccountRequest request) {
        find(memberId);
        BankAccountNumber number = BankAccountNumber.parse(request.accountType(), request.number());
        commands.sendAndWait(new RegisterBankAccountCommand(
                new MemberId(memberId.toString()),
                request.bankName(),
                number,
                request.holderName(),
                LocalDate.now(clock),
                Scope.actor(),
                coolingOffDays));
        return disclosure.asSeenByCaller(find(memberId));
    }

    public record FundingStatusRequest(
            @NotNull Boolean hardship, @NotNull Boolean modelWorker, Boolean unionMember) {}

    /**
     * Records the member's hardship (困难职工), model-worker (劳模) and union-member (工会会员; left as it is when absent) status
     * from the union's registers (district officers of the member's district, the scheme administrator); enrolments decided
     * from then on are funded by it.
     */
    @PutMapping("/{memberId}/funding-status")
    public MemberView setFundingStatus(@PathVariable UUID memberId, @Valid @RequestBody FundingStatusRequest request) {
        find(memberId);
        commands.sendAndWait(new SetFundingStatusCommand(
                new MemberId(memberId.toString()),
                request.hardship(),
                request.modelWorker(),
                Scope.actor(),
                LocalDate.now(clock),
                request.unionMember()));
        return disclosure.asSeenByCaller(find(memberId));
    }

    private MemberView find(UUID memberId) {
        return scope.member(memberId);
    }
}
