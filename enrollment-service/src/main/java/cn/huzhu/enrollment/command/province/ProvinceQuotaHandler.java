package cn.huzhu.enrollment.command.province;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.Districts;
import cn.huzhu.enrollment.command.EnrollmentRefusal;
import cn.huzhu.enrollment.command.EnrollmentRefusedException;
import cn.huzhu.enrollment.command.NotEntitledException;
import cn.huzhu.enrollment.command.plan.PlanCatalog;
import cn.huzhu.enrollment.command.plan.PlanVersion;
import cn.huzhu.enrollment.command.unit.UnitDirectory;
import cn.huzhu.vocabulary.Money;
import cn.huzhu.vocabulary.PlanId;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * The province's budget and the cities' quotas (Guangdong): the scheme administrator sets a city's quotas within the
 * budget; enrolments take their places in the same unit of work as they are recorded, so a place is taken exactly when
 * an enrolment is funded by it.
 */
public class ProvinceQuotaHandler implements ProvinceFunds {

    private final Repository<ProvinceBudgetAggregate> budgets;
    private final Repository<ProvinceQuotaAggregate> quotas;
    private final PlanCatalog catalog;
    private final Districts districts;
    private final UnitDirectory units;

    public ProvinceQuotaHandler(
            Repository<ProvinceBudgetAggregate> budgets,
            Repository<ProvinceQuotaAggregate> quotas,
            PlanCatalog catalog,
            Districts districts,
            UnitDirectory units) {
        this.budgets = budgets;
        this.quotas = quotas;
        this.catalog = catalog;
        this.districts = districts;
        this.units = units;
    }

    /**
     * Sets the city's quotas, refused when the plan has no quotas, the district is unknown, a quota would fall below the
     * places taken, or every city's quotas together would cost more than the budget (each place at what the province
     * pays for it: its part per share for union members, the whole premium for hardship and model workers).
     */
    @CommandHandler
    public String handle(SetProvinceQuotaCommand command) throws Exception {
        if (!command.setBy().actsAs(Actor.Capacity.SCHEME_ADMIN)) {
            throw new NotEntitledException("district", "The province's quotas are set by the scheme administrator");
        }
        PlanVersion plan = catalog.inForceOn(command.planId().value(), LocalDate.of(command.year(), 12, 31));
        PlanVersion.FundingRule rule = plan.funding();
        if (rule == null || rule.quotas() == null) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.NO_PROVINCE_QUOTAS,
                    "planId",
                    "Plan " + plan.planId() + " has no quotas of the province's money");
        }
        districts.check(command.district());
        Money perUnionMember = Money.of(rule.province()).times(plan.maxShares());
        Money wholePremium = Money.of(plan.terms().get(0).premiumPerShare()).times(plan.maxShares());
        BigDecimal cost = perUnionMember
                .times(command.unionMembers())
                .plus(wholePremium.times((long) command.hardship() + command.modelWorkers()))
                .yuan();
        String district = command.district().strip();
        budgets.loadOrCreate(ProvinceBudgetAggregate.id(plan.planId(), command.year()), ProvinceBudgetAggregate::new)
                .execute(b -> b.allocate(
                        plan.planId(),
                        command.year(),
                        district,
                        cost,
                        rule.quotas().budget()));
        SetProvinceQuotaCommand normalised = new SetProvinceQuotaCommand(
                new PlanId(plan.planId()),
                command.year(),
                district,
                command.unionMembers(),
                command.hardship(),
                command.modelWorkers(),
                command.setBy(),
                command.today());
        String quotaId = ProvinceQuotaAggregate.id(plan.planId(), command.year(), district);
        quotas.loadOrCreate(quotaId, ProvinceQuotaAggregate::new).execute(q -> q.set(normalised, cost));
        return quotaId;
    }

    @Override
    public boolean unitPaysDuesInFull(String unitId) {
        if (!CurrentUnitOfWork.isStarted()) {
            return units.paysDuesInFull(unitId);
        }
        return CurrentUnitOfWork.get()
                .root()
                .getOrComputeResource("dues-paying:" + unitId, k -> units.paysDuesInFull(unitId));
    }

    @Override
    public boolean take(
            String planId,
            int year,
            String district,
            ProvinceGroup group,
            String enrollmentId,
            String memberId,
            BigDecimal amount) {
        try {
            return quotas.load(ProvinceQuotaAggregate.id(planId, year, district))
                    .invoke(q -> q.take(group, planId, year, district, enrollmentId, memberId, amount));
        } catch (AggregateNotFoundException noQuotaSet) {
            return false;
        }
    }
}
