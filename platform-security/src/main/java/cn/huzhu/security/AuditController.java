package cn.huzhu.security;

import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The audit log of this service, for scheme administrators: newest first, at most {@value #MAX_LIMIT} entries a request. */
@RestController
public class AuditController {

    static final String PATH = "/api/audit";
    public static final int MAX_LIMIT = 500;

    private final AuditLog log;

    public AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping(PATH)
    public List<AuditLog.Entry> find(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
        }
        return log.find(actor, from, to, limit);
    }
}
