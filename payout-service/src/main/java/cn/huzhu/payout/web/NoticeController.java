package cn.huzhu.payout.web;

import cn.huzhu.payout.notify.MemberNotices;
import cn.huzhu.payout.notify.RenewalReminders;
import cn.huzhu.security.Caller;
import cn.huzhu.security.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notices sent to a member (the member's own, and any member's for the scheme administrators), the member's choice to
 * receive only the notices about money, and the renewal reminders run on demand.
 */
@RestController
@RequestMapping("/api/notices")
public class NoticeController {

    /** One notice: which, its text as sent, what became of it, the phone (masked) and when. */
    public record NoticeLine(String notice, String text, String outcome, String phone, Instant at) {}

    public record MemberNoticesResponse(UUID memberId, boolean optedOut, List<NoticeLine> notices) {}

    /** {@code optedOut}: only the notices about payments, recoveries and account changes are sent. */
    public record Preferences(@NotNull Boolean optedOut) {}

    public record RemindersRun(LocalDate on, int sent) {}

    private final MemberNotices notices;
    private final RenewalReminders reminders;
    private final Clock clock;

    public NoticeController(MemberNotices notices, RenewalReminders reminders, Clock clock) {
        this.notices = notices;
        this.reminders = reminders;
        this.clock = clock;
    }

    @GetMapping("/{memberId}")
    MemberNoticesResponse notices(@PathVariable UUID memberId) {
        reachable(memberId);
        return new MemberNoticesResponse(
                memberId,
                notices.optedOut(memberId),
                notices.of(memberId).stream()
                        .map(n -> new NoticeLine(
                                n.kind().name(), n.text(), n.outcome().name(), n.phone(), n.at()))
                        .toList());
    }

    @PutMapping("/{memberId}/preferences")
    MemberNoticesResponse preferences(@PathVariable UUID memberId, @Valid @RequestBody Preferences preferences) {
        reachable(memberId);
        notices.setOptedOut(memberId, preferences.optedOut());
        return notices(memberId);
    }

    @PostMapping("/renewal-reminders")
    RemindersRun remind() {
        int sent = reminders.remind();
        return new RemindersRun(LocalDate.now(clock), sent);
    }

    /** A member reaches their own notices only; another member's are not found. */
    private static void reachable(UUID memberId) {
        if (!Caller.current().reaches(memberId.toString(), null, null)) {
            throw new NotFoundException("notices of member", memberId);
        }
    }
}
