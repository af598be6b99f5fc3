package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.command.MemberCategory;
import cn.huzhu.enrollment.command.RosterId;
import cn.huzhu.enrollment.command.roster.RecordRosterPaymentCommand;
import cn.huzhu.enrollment.command.roster.RosterApplication;
import cn.huzhu.enrollment.command.roster.RosterRow;
import cn.huzhu.enrollment.command.roster.RosterRowStatus;
import cn.huzhu.enrollment.command.roster.RosterSubmittedEvent;
import cn.huzhu.enrollment.command.roster.SubmitRosterCommand;
import cn.huzhu.enrollment.query.FindRosterQuery;
import cn.huzhu.enrollment.query.RosterRecord;
import cn.huzhu.security.NotFoundException;
import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.UnitId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Unit rosters: the application spreadsheet (.xlsx, as a multipart upload or as the body), the members as CSV,
 * or the same data as JSON. The answer lists every row's result; rejected rows change nothing and can be
 * downloaded as a workbook to correct and send again.
 */
@RestController
@RequestMapping("/api/rosters")
public class RosterController {

    /** Largest roster file taken (a 20 000-member workbook is about 1.5 MB). */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final Scope scope;

    public RosterController(CommandGateway commands, QueryGateway queries, Clock clock, Scope scope) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.scope = scope;
    }

    /** Where a roster file goes and what the spreadsheet may not say, from the query string (or form fields). */
    public record Target(
            @NotNull UUID unitId,
            @NotBlank @Size(max = 100) String planId,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate,
            MemberCategory category,
            @PositiveOrZero Integer staffInBasicInsurance) {}

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<RosterResponse> upload(
            @RequestPart("file") MultipartFile file, @Valid @ModelAttribute Target target) throws IOException {
        if (file.getSize() > MAX_BYTES) {
            throw new RosterTooLargeException();
        }
        String name = file.getOriginalFilename() == null
                ? ""
                : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        String type = file.getContentType() == null ? "" : file.getContentType();
        String format;
        if (name.endsWith(".xlsx") || type.startsWith(RosterFiles.XLSX)) {
            format = "XLSX";
        } else if (name.endsWith(".csv") || type.startsWith("text/csv")) {
            format = "CSV";
        } else if (name.endsWith(".xls")) {
            throw new RosterFiles.UnreadableRosterException(
                    "The old .xls format is not taken: save the workbook as Excel Workbook (.xlsx)");
        } else {
            throw new RosterFiles.UnreadableRosterException("Upload the roster as .xlsx or .csv");
        }
        return submit(target, format, file.getBytes());
    }

    @PostMapping(consumes = RosterFiles.XLSX)
    public ResponseEntity<RosterResponse> uploadWorkbook(
            HttpServletRequest request, @Valid @ModelAttribute Target target) throws IOException {
        return submit(target, "XLSX", body(request));
    }

    @PostMapping(consumes = "text/csv")
    public ResponseEntity<RosterResponse> uploadCsv(HttpServletRequest request, @Valid @ModelAttribute Target target)
            throws IOException {
        return submit(target, "CSV", body(request));
    }

    public record MemberLine(Integer no, String name, String gender, String idNumber, String phone, String remark) {}

    public record RosterRequest(
            @NotNull UUID unitId,
            @NotBlank String planId,
            LocalDate effectiveDate,
            MemberCategory category,
            RosterApplication application,

            @NotEmpty @Size(max = SubmitRosterCommand.MAX_ROWS)
            List<@NotNull MemberLine> members) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RosterResponse> submitJson(@Valid @RequestBody RosterRequest request) {
        List<RosterRow> rows = new java.util.ArrayList<>(request.members().size());
        for (MemberLine m : request.members()) {
            rows.add(RosterFiles.row(rows.size() + 1, m.name(), m.gender(), m.idNumber(), m.phone(), m.remark()));
        }
        return send(new SubmitRosterCommand(
                new RosterId(UUID.randomUUID().toString()),
                new UnitId(request.unitId().toString()),
                new PlanId(request.planId()),
                request.category(),
                request.effectiveDate(),
                request.application(),
                rows,
                "JSON",
                LocalDate.now(clock)));
    }

    @GetMapping("/{rosterId}")
    public RosterResponse get(@PathVariable UUID rosterId, @RequestParam(required = false) RosterRowStatus rows) {
        return RosterResponse.of(find(rosterId), rows);
    }

    public record PaymentRequest(
            @NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2)
            BigDecimal amount,

            @NotBlank @Size(max = 100) String reference,
            LocalDate paidOn) {}

    /**
     * Records the unit's transfer for the roster (the voucher's reference and amount, which must equal the unit's
     * part of the enrolled rows' premiums): every enrolment of the roster is collected and in force. The same
     * payment again changes nothing.
     */
    @PostMapping(value = "/{rosterId}/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    public RosterResponse pay(@PathVariable UUID rosterId, @Valid @RequestBody PaymentRequest request) {
        find(rosterId);
        LocalDate today = LocalDate.now(clock);
        commands.sendAndWait(new RecordRosterPaymentCommand(
                new RosterId(rosterId.toString()),
                request.amount(),
                request.reference().strip(),
                request.paidOn() != null ? request.paidOn() : today,
                today,
                Scope.actor()));
        return RosterResponse.of(find(rosterId), RosterRowStatus.ENROLLED);
    }

    /** The rejected rows with the reason per row, as an .xlsx to correct and send again. */
    @GetMapping(value = "/{rosterId}/rejected-rows.xlsx", produces = RosterFiles.XLSX)
    public ResponseEntity<byte[]> rejectedRows(@PathVariable UUID rosterId) {
        byte[] workbook = RejectedRowsWorkbook.of(find(rosterId).outcome());
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("rejected-rows-" + rosterId + ".xlsx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(RosterFiles.XLSX))
                .body(workbook);
    }

    /** The unit is looked at before the file is read: a file for a unit out of the caller's scope is never opened. */
    private ResponseEntity<RosterResponse> submit(Target target, String format, byte[] content) {
        scope.mayActOnUnit(target.unitId());
        RosterFiles.Parsed parsed = "XLSX".equals(format) ? RosterFiles.xlsx(content) : RosterFiles.csv(content);
        RosterApplication application = parsed.application();
        if (target.staffInBasicInsurance() != null) {
            application = new RosterApplication(
                    application.unitName(),
                    application.contact(),
                    application.contactPhone(),
                    application.staffTotal(),
                    target.staffInBasicInsurance(),
                    application.enrolling(),
                    application.amountPerPerson(),
                    application.amountTotal());
        }
        if (parsed.rows().isEmpty()) {
            throw new RosterFiles.UnreadableRosterException("The roster has no members");
        }
        return send(new SubmitRosterCommand(
                new RosterId(UUID.randomUUID().toString()),
                new UnitId(target.unitId().toString()),
                new PlanId(target.planId()),
                target.category(),
                target.effectiveDate(),
                application,
                parsed.rows(),
                format,
                LocalDate.now(clock)));
    }

    private ResponseEntity<RosterResponse> send(SubmitRosterCommand command) {
        scope.mayActOnUnit(UUID.fromString(command.unitId().value()));
        RosterSubmittedEvent outcome = commands.sendAndWait(command);
        return ResponseEntity.created(URI.create("/api/rosters/" + outcome.rosterId()))
                .body(RosterResponse.of(new RosterRecord(outcome, null), null));
    }

    private RosterRecord find(UUID rosterId) {
        return queries.query(
                        new FindRosterQuery(rosterId.toString()), ResponseTypes.optionalInstanceOf(RosterRecord.class))
                .join()
                .filter(r -> scope.reachesUnit(r.outcome().unitId().value()))
                .orElseThrow(() -> new NotFoundException("roster", rosterId.toString()));
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] content = in.readNBytes(MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                throw new RosterTooLargeException();
            }
            return content;
        }
    }

    /** A roster file over {@link #MAX_BYTES}. */
    static final class RosterTooLargeException extends RuntimeException {
        RosterTooLargeException() {
            super("A roster file may have at most " + MAX_BYTES / 1024 / 1024 + " MB; split it");
        }
    }
}
