package cn.huzhu.enrollment.config;

import cn.huzhu.axon.StoredEventNames;
import cn.huzhu.enrollment.command.member.BankAccountRegisteredEvent;
import cn.huzhu.enrollment.command.member.FundingStatusSetEvent;
import cn.huzhu.enrollment.command.member.MemberEnrolledEvent;
import cn.huzhu.enrollment.command.member.MemberRegisteredEvent;
import cn.huzhu.enrollment.command.member.PremiumCollectedEvent;
import cn.huzhu.enrollment.command.member.PremiumCollectionFailedEvent;
import cn.huzhu.enrollment.command.plan.PlanVersionRegisteredEvent;
import cn.huzhu.enrollment.command.province.ProvinceBudgetAllocatedEvent;
import cn.huzhu.enrollment.command.province.ProvinceQuotaSetEvent;
import cn.huzhu.enrollment.command.province.ProvinceQuotaTakenEvent;
import cn.huzhu.enrollment.command.roster.RosterPaidEvent;
import cn.huzhu.enrollment.command.roster.RosterSubmittedEvent;
import cn.huzhu.enrollment.command.target.TargetSetEvent;
import cn.huzhu.enrollment.command.unit.PayoutRatioRecordedEvent;
import cn.huzhu.enrollment.command.unit.UnitDuesStatusSetEvent;
import cn.huzhu.enrollment.command.unit.UnitRegisteredEvent;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The names enrolment's events were stored under before the command model was split into a package per aggregate
 * (one flat {@code cn.huzhu.enrollment.command} package until then). The event store keeps those names for ever.
 */
@Configuration
public class StoredEventNamesConfig {

    static final String FLAT_COMMAND_PACKAGE = "cn.huzhu.enrollment.command.";

    /** The events that lived in the flat package, now each in its aggregate's room. */
    static final List<Class<?>> MOVED_OUT_OF_THE_FLAT_PACKAGE = List.of(
            BankAccountRegisteredEvent.class,
            FundingStatusSetEvent.class,
            MemberEnrolledEvent.class,
            MemberRegisteredEvent.class,
            PremiumCollectedEvent.class,
            PremiumCollectionFailedEvent.class,
            PlanVersionRegisteredEvent.class,
            ProvinceBudgetAllocatedEvent.class,
            ProvinceQuotaSetEvent.class,
            ProvinceQuotaTakenEvent.class,
            RosterPaidEvent.class,
            RosterSubmittedEvent.class,
            TargetSetEvent.class,
            PayoutRatioRecordedEvent.class,
            UnitDuesStatusSetEvent.class,
            UnitRegisteredEvent.class);

    @Bean
    public StoredEventNames storedEventNames() {
        Map<String, String> currentByStored = MOVED_OUT_OF_THE_FLAT_PACKAGE.stream()
                .collect(Collectors.toMap(moved -> FLAT_COMMAND_PACKAGE + moved.getSimpleName(), Class::getName));
        return new StoredEventNames(currentByStored);
    }
}
