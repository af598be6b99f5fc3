package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.command.BankAccountRegisteredEvent;
import cn.huzhu.enrollment.command.MemberRegisteredEvent;
import cn.huzhu.enrollment.query.MemberView;
import cn.huzhu.security.Caller;
import cn.huzhu.security.Caller.Sensitive;
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

    MemberDisclosure(EventStore events) {
        this.events = events;
    }

    MemberView asSeenByCaller(MemberView masked) {
        Caller caller = Caller.current();
        boolean idNumber = caller.sees(Sensitive.ID_NUMBER, masked.memberId());
        boolean phone = caller.sees(Sensitive.PHONE, masked.memberId());
        boolean account = masked.bankAccount() != null && caller.sees(Sensitive.BANK_ACCOUNT, masked.memberId());
        if (!idNumber && !phone && !account) {
            return masked;
        }
        List<Object> payloads = events.readEvents(masked.memberId()).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
        MemberRegisteredEvent registered = payloads.stream().filter(MemberRegisteredEvent.class::isInstance).map(MemberRegisteredEvent.class::cast)
                .findFirst().orElse(null);
        BankAccountRegisteredEvent latestAccount = payloads.stream().filter(BankAccountRegisteredEvent.class::isInstance)
                .map(BankAccountRegisteredEvent.class::cast).reduce((a, b) -> b).orElse(null);
        MemberView.BankAccount bank = masked.bankAccount();
        if (account && latestAccount != null) {
            bank = new MemberView.BankAccount(bank.bankName(), bank.accountType(), latestAccount.accountNumber(), bank.holderName(), bank.registeredOn());
        }
        return new MemberView(masked.memberId(), masked.unitId(), masked.district(), masked.name(),
                idNumber && registered != null ? registered.idNumber() : masked.idNumber(),
                phone && registered != null ? registered.phone() : masked.phone(),
                masked.category(), masked.gender(), masked.birthDate(), masked.serviceCard(), masked.realNameVerified(), masked.registeredOn(), bank);
    }
}
