-- The plan catalogue as enrollment-service publishes it: the lists of units that earn a discount, a gift or a subsidy
-- take their thresholds from the plan's definition (cn.huzhu.contracts.plans.PlanThresholds), not from the caller.
create table plan_definition (
    plan_id    varchar(100) not null,
    version    integer      not null,
    valid_from date         not null,
    definition text         not null,
    primary key (plan_id, version)
);
