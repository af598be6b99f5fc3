package cn.huzhu.enrollment.command.batch;

import cn.huzhu.enrollment.command.member.RegisterMemberCommand;
import java.util.List;

/** Register many members in one unit of work and one transaction (the bulk path for rosters and migrations). */
public record RegisterMembersCommand(List<RegisterMemberCommand> items) {
    public RegisterMembersCommand {
        items = List.copyOf(items);
    }

    @Override
    public String toString() {
        return "RegisterMembersCommand[" + items.size() + " items]";
    }
}
