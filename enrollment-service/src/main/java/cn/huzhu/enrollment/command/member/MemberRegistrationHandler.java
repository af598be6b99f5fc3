package cn.huzhu.enrollment.command.member;

import cn.huzhu.enrollment.command.NotEntitledException;
import cn.huzhu.enrollment.command.UnknownUnitException;
import cn.huzhu.enrollment.command.unit.UnitDirectory;
import cn.huzhu.identity.IdNumber;
import cn.huzhu.identity.MemberIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.Repository;

/** Registers members: validates the ID number, takes the district from the unit, refuses a second registration. */
public class MemberRegistrationHandler {

    private final Repository<MemberAggregate> members;
    private final UnitDirectory units;
    private final MemberIds memberIds;
    private final EventStorageEngine storage;

    public MemberRegistrationHandler(
            Repository<MemberAggregate> members, UnitDirectory units, MemberIds memberIds, EventStorageEngine storage) {
        this.members = members;
        this.units = units;
        this.memberIds = memberIds;
        this.storage = storage;
    }

    /** @return the new member's id */
    @CommandHandler
    public String handle(RegisterMemberCommand command) throws Exception {
        return register(command, java.util.Set.of());
    }

    /**
     * Registers a member in the current unit of work.
     *
     * @param registeredInThisUnitOfWork members created earlier in the same unit of work, not yet stored
     */
    public String register(RegisterMemberCommand command, java.util.Set<String> registeredInThisUnitOfWork)
            throws Exception {
        if ((command.hardship() || command.modelWorker() || command.unionMember())
                && !command.registeredBy().keepsTheRegisters()) {
            throw new NotEntitledException(
                    command.unionMember() && !command.hardship() && !command.modelWorker() ? "unionMember" : "hardship",
                    MemberAggregate.REGISTERS_ONLY);
        }
        IdNumber idNumber = IdNumber.parse(command.idNumber(), command.today());
        String memberId = memberIds.of(idNumber);
        String district = units.districtOf(command.unitId().value())
                .orElseThrow(() -> new UnknownUnitException(command.unitId().value()));
        if (registeredInThisUnitOfWork.contains(memberId) || isRegistered(memberId)) {
            throw new MemberAlreadyRegisteredException(memberId);
        }
        members.newInstance(() -> new MemberAggregate(memberId, idNumber, command, district));
        return memberId;
    }

    /**
     * Whether a member with this id has been stored. Asks the storage engine, not the event store: the event
     * store also scans every event staged in the unit of work, which makes a batch of n registrations cost
     * n² (members registered earlier in the same unit of work are known to the caller).
     */
    public boolean isRegistered(String memberId) {
        return storage.lastSequenceNumberFor(memberId).isPresent();
    }

    public String memberIdOf(IdNumber idNumber) {
        return memberIds.of(idNumber);
    }
}
