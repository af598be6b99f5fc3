package cn.huzhu.enrollment.command.batch;

import cn.huzhu.enrollment.command.member.RecordPremiumCollectionCommand;
import java.util.List;

/**
 * Many collection results in one unit of work and one transaction: the bank's answer to a run of deductions, as finance
 * records it. Each is decided as a single one is.
 */
public record RecordPremiumCollectionsCommand(List<RecordPremiumCollectionCommand> items) {
    public RecordPremiumCollectionsCommand {
        items = List.copyOf(items);
    }
}
