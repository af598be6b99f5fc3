package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.command.member.BankAccountRegisteredEvent;
import cn.huzhu.enrollment.command.member.MemberRegisteredEvent;
import cn.huzhu.enrollment.query.MemberView;
import cn.huzhu.security.Caller;
import cn.huzhu.security.Caller.Sensitive;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The member record as this caller may see it. Views hold personal data masked only; a caller whose role needs a value
 * in full (the member themself; adjudicators the ID number) gets it from the member's events, the system of record.
 */
@Component
class MemberDisclosure {

    private final EventStore events;
    private final Clock clock;

    MemberDisclosure(EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    MemberView asSeenByCaller(MemberView masked) {
        Caller caller = Caller.current();
        boolean idNumber = caller.sees(Sensitive.ID_NUMBER, masked.memberId());
        boolean phone = caller.sees(Sensitive.PHONE, masked.memberId());
        boolean account = (masked.bankAccount() != null || masked.pendingBankAccount() != null)
                && caller.sees(Sensitive.BANK_ACCOUNT, masked.memberId());
        if (!idNumber && !phone && !account) {
            return masked;
        }
        List<Object> payloads = events.readEvents(masked.memberId())
                .asStream()
                .map(EventMessage::getPayload)
                .map(Object.class::cast)
                .toList();
        MemberRegisteredEvent registered = payloads.stream()
                .filter(MemberRegisteredEvent.class::isInstance)
                .map(MemberRegisteredEvent.class::cast)
                .findFirst()
                .orElse(null);
        LocalDate today = LocalDate.now(clock);
        List<BankAccountRegisteredEvent> accounts = payloads.stream()
                .filter(BankAccountRegisteredEvent.class::isInstance)
                .map(BankAccountRegisteredEvent.class::cast)
                .toList();
        BankAccountRegisteredEvent inForce = accounts.stream()
                .filter(a -> !a.inForceFrom().isAfter(today))
                .reduce((a, b) -> b)
                .orElse(null);
        BankAccountRegisteredEvent pending = accounts.isEmpty()
                        || !accounts.get(accounts.size() - 1).inForceFrom().isAfter(today)
                ? null
                : accounts.get(accounts.size() - 1);
        MemberView shown = account
                ? masked.withAccounts(
                        unmasked(masked.bankAccount(), inForce), unmasked(masked.pendingBankAccount(), pending))
                : masked;
        return new MemberView(
                masked.memberId(),
                masked.unitId(),
                masked.district(),
                masked.name(),
                idNumber && registered != null ? registered.idNumber() : masked.idNumber(),
                phone && registered != null ? registered.phone() : masked.phone(),
                masked.category(),
                masked.gender(),
                masked.birthDate(),
                masked.serviceCard(),
                masked.realNameVerified(),
                masked.registeredOn(),
                masked.hardship(),
                masked.modelWorker(),
                masked.unionMember(),
                shown.bankAccount(),
                shown.pendingBankAccount());
    }

    private static MemberView.BankAccount unmasked(MemberView.BankAccount shown, BankAccountRegisteredEvent recorded) {
        return shown == null || recorded == null
                ? shown
                : new MemberView.BankAccount(
                        shown.bankName(),
                        shown.accountType(),
                        recorded.accountNumber(),
                        shown.holderName(),
                        shown.registeredOn(),
                        shown.effectiveOn());
    }
}
