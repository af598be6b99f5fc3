package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.query.FindMemberQuery;
import cn.huzhu.enrollment.query.FindUnitQuery;
import cn.huzhu.enrollment.query.MemberView;
import cn.huzhu.enrollment.query.UnitView;
import cn.huzhu.security.Caller;
import cn.huzhu.security.NotFoundException;
import cn.huzhu.security.Role;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Object-level access: a member, unit or roster outside the caller's scope is answered exactly like one that does not
 * exist (404), so its existence is not revealed either.
 */
@Component
class Scope {

    private final QueryGateway queries;

    Scope(QueryGateway queries) {
        this.queries = queries;
    }

    /** The member, if the caller reaches it. */
    MemberView member(UUID memberId) {
        return reachableMember(memberId).orElseThrow(() -> new NotFoundException("member", memberId.toString()));
    }

    /** The unit, if the caller reaches it. */
    UnitView unit(UUID unitId) {
        return reachableUnit(unitId).orElseThrow(() -> new NotFoundException("unit", unitId.toString()));
    }

    /**
     * Before a change that names this unit: callers bound to a unit or district must reach it (an unknown unit is then
     * not found); platform-wide callers pass, and an unknown unit is refused by the command as for anyone (422).
     */
    void mayActOnUnit(UUID unitId) {
        if (!Caller.current().platformWide()) {
            unit(unitId);
        }
    }

    /** Before a change that names this member: as {@link #mayActOnUnit}, for members. */
    void mayActOnMember(UUID memberId) {
        if (!Caller.current().platformWide()) {
            member(memberId);
        }
    }

    /** Whether the caller reaches this member (false also when there is no such member). */
    boolean reachesMember(String memberId) {
        return Caller.current().platformWide()
                || reachableMember(UUID.fromString(memberId)).isPresent();
    }

    /** Whether the caller reaches this unit (false also when there is no such unit). */
    boolean reachesUnit(String unitId) {
        return Caller.current().platformWide()
                || reachableUnit(UUID.fromString(unitId)).isPresent();
    }

    private Optional<MemberView> reachableMember(UUID memberId) {
        return queries.query(new FindMemberQuery(memberId), ResponseTypes.optionalInstanceOf(MemberView.class))
                .join()
                .filter(m -> Caller.current().reaches(m.memberId(), m.unitId(), m.district()));
    }

    private Optional<UnitView> reachableUnit(UUID unitId) {
        return queries.query(new FindUnitQuery(unitId), ResponseTypes.optionalInstanceOf(UnitView.class))
                .join()
                .filter(u -> Caller.current().reachesUnit(u.unitId(), u.district()));
    }

    /** The caller as the command model knows them: subject, capacities (the roles of the token) and, for a member, who. */
    static Actor actor() {
        Caller caller = Caller.current();
        Set<Actor.Capacity> capacities = EnumSet.noneOf(Actor.Capacity.class);
        for (Role role : caller.roles()) {
            for (Actor.Capacity capacity : Actor.Capacity.values()) {
                if (capacity.name().equals(role.name())) {
                    capacities.add(capacity);
                }
            }
        }
        return new Actor(caller.subject(), capacities, caller.memberId());
    }

    /** A new unit may be registered in the caller's own district only (scheme administrators: anywhere). */
    void mayRegisterIn(String district) {
        Caller caller = Caller.current();
        if (!caller.has(Role.SCHEME_ADMIN) && !district.equals(caller.district())) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "A district office registers units of its own district only");
        }
    }
}
