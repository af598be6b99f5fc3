package cn.huzhu.enrollment.command.batch;

import cn.huzhu.enrollment.command.member.EnrollMemberCommand;
import java.util.List;

/** Enrol many members in one unit of work and one transaction (the bulk path for rosters and migrations). */
public record EnrollMembersCommand(List<EnrollMemberCommand> items) {
    public EnrollMembersCommand {
        items = List.copyOf(items);
    }
}
