package cn.huzhu.claims.web;

import cn.huzhu.axon.Conflicts;
import cn.huzhu.claims.command.Actor;
import cn.huzhu.claims.command.claim.ClaimHandler;
import cn.huzhu.claims.command.claim.ReviewClaimCommand;
import cn.huzhu.claims.command.claim.RevokeClaimCommand;
import cn.huzhu.claims.command.claim.SubmitClaimCommand;
import cn.huzhu.claims.engine.Bill;
import cn.huzhu.claims.engine.Cause;
import cn.huzhu.claims.engine.Claim;
import cn.huzhu.claims.engine.ClaimType;
import cn.huzhu.claims.engine.DiseaseCodes;
import cn.huzhu.claims.engine.ExclusionCodes;
import cn.huzhu.claims.query.ClaimRecord;
import cn.huzhu.claims.query.FindClaimQuery;
import cn.huzhu.security.Caller;
import cn.huzhu.security.NotFoundException;
import cn.huzhu.security.Role;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
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

/**
 * Claims: every enrolment of the member that covers the event date is adjudicated by its plan's rules and the
 * answer shows the calculation. The same claim sent again is the same claim: it is answered as decided (200)
 * and paid once. Claims that do not add up, have exclusions flagged or exceed the review threshold wait for an
 * adjudicator ({@code IN_REVIEW}).
 */
@RestController
@RequestMapping("/api/claims")
public class ClaimController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final Scope scope;

    public ClaimController(CommandGateway commands, QueryGateway queries, Clock clock, Scope scope) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.scope = scope;
    }

    /** Amounts in yuan with at most two decimals, never negative. */
    public record BillRequest(
            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2)
            BigDecimal total,

            @DecimalMin("0") @Digits(integer = 10, fraction = 2)
            BigDecimal pooledFundPaid,

            @DecimalMin("0") @Digits(integer = 10, fraction = 2)
            BigDecimal deductible,

            @DecimalMin("0") @Digits(integer = 10, fraction = 2)
            BigDecimal coPay,

            @DecimalMin("0") @Digits(integer = 10, fraction = 2)
            BigDecimal selfFunded,

            Boolean settledViaInsurance,

            @DecimalMin("0") @Digits(integer = 10, fraction = 2)
            BigDecimal unsettledAmount,

            @DecimalMin("0") @DecimalMax("1") BigDecimal liabilityShare) {}

    public record ClaimRequest(
            @NotNull UUID memberId,
            @NotNull ClaimType type,
            @NotNull LocalDate eventDate,
            LocalDate dischargeDate,
            @Min(0) @Max(3660) Integer hospitalDays,
            @Size(max = 200) String hospital,
            @Size(max = 50) @Pattern(regexp = "[A-Z0-9_]*") String hospitalGrade,
            @Size(max = 50) @Pattern(regexp = "[A-Z0-9_]*") String diseaseCode,
            @Min(1) @Max(10) Integer injuryGrade,
            Cause cause,
            Set<@Pattern(regexp = "[A-Z0-9_]{1,50}") String> exclusions,
            @Valid BillRequest bill) {}

    @PostMapping
    public ResponseEntity<ClaimResponse> submit(@Valid @RequestBody ClaimRequest request) {
        if (!scope.reachesMember(request.memberId().toString())) {
            throw new NotFoundException("member", request.memberId().toString());
        }
        Claim claim = claim(request);
        String claimId = claimId(request);
        SubmitClaimCommand command = new SubmitClaimCommand(
                new ClaimId(claimId),
                MemberId.of(request.memberId()),
                claim,
                request.hospital(),
                LocalDate.now(clock),
                null,
                filer());
        ClaimHandler.Submitted submitted = Conflicts.sendRetrying(commands, command);
        ClaimResponse body = submitted.decision() != null
                ? ClaimResponse.asSeenByCaller(new ClaimRecord(submitted.decision(), null))
                : ClaimResponse.asSeenByCaller(find(submitted.claimId().value()));
        return submitted.created()
                ? ResponseEntity.created(URI.create("/api/claims/" + claimId)).body(body)
                : ResponseEntity.ok(body);
    }

    public enum ReviewDecision {
        APPROVE,
        REJECT
    }

    public record ReviewRequest(
            @NotNull ReviewDecision decision,
            @NotBlank @Size(max = 500) String reason) {}

    /**
     * An adjudicator's decision on a claim in review, recorded under the adjudicator's own name (the token's subject):
     * APPROVE pays what the rules give against the benefit accounts as they are now; REJECT pays nothing and is final.
     * A claim not in review → 409; a claim this adjudicator filed → 403 {@code FOUR_EYES} (another adjudicator reviews it).
     */
    @PostMapping("/{claimId}/review")
    public ClaimResponse review(@PathVariable UUID claimId, @Valid @RequestBody ReviewRequest request) {
        find(claimId.toString());
        commands.sendAndWait(new ReviewClaimCommand(
                ClaimId.of(claimId),
                request.decision() == ReviewDecision.APPROVE,
                request.reason().strip(),
                Caller.current().subject(),
                LocalDate.now(clock)));
        return ClaimResponse.asSeenByCaller(find(claimId.toString()));
    }

    public record RevokeRequest(
            @NotNull @Pattern(regexp = "[A-Z0-9_]{1,50}") String reason,
            @Size(max = 500) String note) {}

    /**
     * Revokes an approved claim found afterwards to be excluded (e.g. FRAUD): the benefit accounts are restored and
     * {@code ClaimRevoked} tells payouts to recover what was paid. Revoking again changes nothing; a claim not approved → 409.
     */
    @PostMapping("/{claimId}/revoke")
    public ClaimResponse revoke(@PathVariable UUID claimId, @Valid @RequestBody RevokeRequest request) {
        if (!ExclusionCodes.known(request.reason())) {
            throw new IllegalArgumentException(
                    "Unknown reason " + request.reason() + "; a claim is revoked for one of " + ExclusionCodes.all());
        }
        find(claimId.toString());
        commands.sendAndWait(
                new RevokeClaimCommand(ClaimId.of(claimId), request.reason(), request.note(), LocalDate.now(clock)));
        return ClaimResponse.asSeenByCaller(find(claimId.toString()));
    }

    @GetMapping("/{claimId}")
    public ClaimResponse get(@PathVariable UUID claimId) {
        return ClaimResponse.asSeenByCaller(find(claimId.toString()));
    }

    /** Who files: an adjudicator's bill is decided at once, a member's or clerk's waits for an adjudicator's confirmation. */
    private static Actor filer() {
        Caller caller = Caller.current();
        Set<Actor.Capacity> capacities = java.util.EnumSet.noneOf(Actor.Capacity.class);
        if (caller.has(Role.ADJUDICATOR)) {
            capacities.add(Actor.Capacity.ADJUDICATOR);
        }
        if (caller.has(Role.MEMBER)) {
            capacities.add(Actor.Capacity.MEMBER);
        }
        if (caller.has(Role.UNIT_CLERK)) {
            capacities.add(Actor.Capacity.UNIT_CLERK);
        }
        return new Actor(caller.subject(), capacities);
    }

    private ClaimRecord find(String claimId) {
        return queries.query(new FindClaimQuery(claimId), ResponseTypes.optionalInstanceOf(ClaimRecord.class))
                .join()
                .filter(c -> scope.reachesMember(c.decision().memberId().value()))
                .orElseThrow(() -> new NotFoundException("claim", claimId));
    }

    /**
     * Checks what a claim of its type must carry and builds the engine's claim. A claim that does not add up
     * (discharge before admission, parts of the bill above its total) is not refused: it goes to review.
     */
    private static Claim claim(ClaimRequest r) {
        if (r.type() == ClaimType.HOSPITALIZATION && r.bill() == null) {
            throw new IllegalArgumentException("A hospitalisation claim needs its bill");
        }
        if ((r.type() == ClaimType.CRITICAL_ILLNESS) && r.diseaseCode() == null) {
            throw new IllegalArgumentException("A critical illness claim needs its diseaseCode");
        }
        if (r.diseaseCode() != null && DiseaseCodes.nameOf(r.diseaseCode()).isEmpty()) {
            throw new IllegalArgumentException(
                    "Unknown diseaseCode " + r.diseaseCode() + "; the codes are listed at GET /api/disease-codes");
        }
        if (r.type() == ClaimType.WORK_INJURY && r.injuryGrade() == null) {
            throw new IllegalArgumentException("A work injury claim needs its injuryGrade");
        }
        if (r.exclusions() != null) {
            r.exclusions().stream()
                    .filter(code -> !ExclusionCodes.known(code))
                    .findFirst()
                    .ifPresent(code -> {
                        throw new IllegalArgumentException(
                                "Unknown exclusion " + code + "; the exclusions are " + ExclusionCodes.all());
                    });
        }
        Bill bill = null;
        if (r.bill() != null) {
            BillRequest b = r.bill();
            bill = new Bill(
                    b.total(),
                    b.pooledFundPaid(),
                    b.deductible(),
                    b.coPay(),
                    b.selfFunded(),
                    b.settledViaInsurance() == null || b.settledViaInsurance(),
                    b.unsettledAmount(),
                    b.liabilityShare() == null || b.unsettledAmount() == null
                            ? null
                            : b.unsettledAmount().multiply(b.liabilityShare()));
        }
        return new Claim(
                r.type(),
                r.eventDate(),
                r.dischargeDate(),
                r.hospitalDays(),
                r.hospitalGrade(),
                r.diseaseCode(),
                r.injuryGrade(),
                r.cause(),
                r.exclusions(),
                bill);
    }

    /** The same claim (member, type, dates, hospital, diagnosis, grade and bill) always has the same id. */
    static String claimId(ClaimRequest r) {
        String key = String.join(
                "|",
                r.memberId().toString(),
                r.type().name(),
                r.eventDate().toString(),
                String.valueOf(r.dischargeDate()),
                String.valueOf(r.hospital()),
                String.valueOf(r.diseaseCode()),
                String.valueOf(r.injuryGrade()),
                r.bill() == null
                        ? ""
                        : String.join(
                                "|",
                                plain(r.bill().total()),
                                plain(r.bill().coPay()),
                                plain(r.bill().deductible()),
                                plain(r.bill().selfFunded()),
                                plain(r.bill().unsettledAmount())));
        return UUID.nameUUIDFromBytes(("claim:" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }
}
