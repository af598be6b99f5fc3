package cn.huzhu.claims.web;

import cn.huzhu.claims.query.CoverageDirectoryView;
import cn.huzhu.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Object-level access to claims: whether the caller reaches the member a claim is of (a member themself, the clerk of
 * the member's unit, the officer of its district, platform-wide roles), from the unit and district the member's
 * enrolments were recorded with. Out of scope reads as not found.
 */
@Component
class Scope {

    private final CoverageDirectoryView coverage;

    Scope(CoverageDirectoryView coverage) {
        this.coverage = coverage;
    }

    boolean reachesMember(String memberId) {
        Caller caller = Caller.current();
        return caller.reaches(memberId, null, null)
                || coverage.ownerOf(memberId)
                        .filter(o -> caller.reaches(memberId, o.unitId(), o.district()))
                        .isPresent();
    }
}
