package cn.huzhu.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, from the verified token: subject, roles and scope. {@link #reaches} is the object-level check every
 * endpoint that returns or changes one member's, unit's or district's data makes (out of scope reads as not found);
 * {@link #sees} is the masking policy.
 */
public record Caller(String subject, Set<Role> roles, String memberId, String unitId, String district) {

    /** Roles that act on every unit and district (their endpoints are already restricted by the rules). */
    private static final Set<Role> PLATFORM_WIDE = EnumSet.of(Role.ADJUDICATOR, Role.FINANCE, Role.SCHEME_ADMIN);

    public static final String ROLES_CLAIM = "roles";
    public static final String MEMBER_CLAIM = "member";
    public static final String UNIT_CLAIM = "unit";
    public static final String DISTRICT_CLAIM = "district";

    /** What a response may show in full only to some callers. */
    public enum Sensitive {
        ID_NUMBER,
        PHONE,
        BANK_ACCOUNT,
        DIAGNOSIS
    }

    public static Caller of(Jwt jwt) {
        return new Caller(
                jwt.getSubject(),
                roles(jwt.getClaim(ROLES_CLAIM)),
                jwt.getClaimAsString(MEMBER_CLAIM),
                jwt.getClaimAsString(UNIT_CLAIM),
                jwt.getClaimAsString(DISTRICT_CLAIM));
    }

    static Set<Role> roles(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                for (Role role : Role.values()) {
                    if (role.name().equals(String.valueOf(value))) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }

    /** The caller of the current request; fails outside an authenticated request. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return of(jwt);
        }
        throw new IllegalStateException("No authenticated caller");
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        return List.of(any).stream().anyMatch(roles::contains);
    }

    /** Whether the caller acts on every unit and district (adjudicators, finance, scheme administrators). */
    public boolean platformWide() {
        return roles.stream().anyMatch(PLATFORM_WIDE::contains);
    }

    /**
     * Whether the caller may see or act on data owned by this member of this unit in this district: platform-wide roles
     * always, a member their own, a unit clerk their unit's, a district officer their district's.
     */
    public boolean reaches(String ownerMemberId, String ownerUnitId, String ownerDistrict) {
        return platformWide()
                || has(Role.MEMBER) && memberId != null && memberId.equals(ownerMemberId)
                || has(Role.UNIT_CLERK) && unitId != null && unitId.equals(ownerUnitId)
                || has(Role.DISTRICT_OFFICER) && district != null && district.equals(ownerDistrict);
    }

    /** Whether the caller may act on this unit (unit clerks their own, district officers their district's). */
    public boolean reachesUnit(String ownerUnitId, String ownerDistrict) {
        return reaches(null, ownerUnitId, ownerDistrict);
    }

    /**
     * Whether a response may show this personal data of this member in full: the member always; ID numbers to adjudicators
     * (they match claims to documents); diagnoses to adjudicators. Everyone else gets it masked (diagnoses left out).
     */
    public boolean sees(Sensitive what, String ownerMemberId) {
        boolean sees = has(Role.MEMBER) && memberId != null && Objects.equals(memberId, ownerMemberId)
                || has(Role.ADJUDICATOR) && (what == Sensitive.ID_NUMBER || what == Sensitive.DIAGNOSIS);
        if (sees) {
            disclosed(what);
        }
        return sees;
    }

    /** The request attribute naming what the current request showed unmasked, which the audit log records. */
    static final String DISCLOSED = Caller.class.getName() + ".disclosed";

    /** Notes that the current request shows this personal data unmasked (nothing outside a web request). */
    @SuppressWarnings("unchecked")
    private static void disclosed(Sensitive what) {
        org.springframework.web.context.request.RequestAttributes request =
                org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (request != null) {
            Set<Sensitive> shown = (Set<Sensitive>) request.getAttribute(
                    DISCLOSED, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
            if (shown == null) {
                shown = EnumSet.noneOf(Sensitive.class);
                request.setAttribute(
                        DISCLOSED, shown, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
            }
            shown.add(what);
        }
    }

    /** Shown in logs and the audit log. */
    @Override
    public String toString() {
        return subject + roles;
    }
}
