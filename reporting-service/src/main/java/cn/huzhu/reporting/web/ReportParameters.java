package cn.huzhu.reporting.web;

import cn.huzhu.security.Caller;
import cn.huzhu.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ResponseStatusException;

/** The parameters the report endpoints share, checked and normalised in one place. */
final class ReportParameters {

    /**
     * The district filter as this caller may use it: a district officer (without a dashboard, finance or administrator
     * role) reads the unit-level reports of its own district only; another district is refused (403). Outside a request
     * (no caller: the service's own use) the filter is taken as given.
     */
    static String district(String requested) {
        String district = optional(requested);
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken)) {
            return district;
        }
        Caller caller = Caller.current();
        if (!caller.has(Role.DISTRICT_OFFICER)
                || caller.hasAny(Role.DASHBOARD_VIEWER, Role.FINANCE, Role.SCHEME_ADMIN)) {
            return district;
        }
        if (district != null && !district.equals(caller.district())) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "A district office reads the reports of its own district");
        }
        return caller.district();
    }

    private ReportParameters() {}

    /** A plan year a report may be asked for. */
    static int year(int year) {
        if (year < 1990 || year > 2200) {
            throw new IllegalArgumentException("year must be between 1990 and 2200");
        }
        return year;
    }

    /** An optional filter: null when absent or blank. */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
