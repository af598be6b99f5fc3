package cn.huzhu.enrollment.command;

import java.util.Optional;

/** Where units report: a member's district is their unit's. */
public interface UnitDirectory {

    Optional<String> districtOf(String unitId);
}
