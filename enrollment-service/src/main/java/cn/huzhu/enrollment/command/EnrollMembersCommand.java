package cn.huzhu.enrollment.command;

import java.util.List;

/** Enrol many members in one unit of work and one transaction (the bulk path for rosters and migrations). */
public record EnrollMembersCommand(List<EnrollMemberCommand> items) {
    public EnrollMembersCommand {
        items = List.copyOf(items);
    }
}
