-- A unit's imported figures of one plan (Huzhou's gift is decided on the hospitalisation plan's, a plan the platform
-- may not run); the unit's figures for its whole scheme stay in unit_payout_ratio_view. A table of its own, so the
-- previous version keeps writing during a rolling update.
create table unit_plan_payout_ratio_view (
    unit_id      uuid          not null,
    year         integer       not null,
    plan_id      varchar(100)  not null,
    enrolled     integer       not null,
    payout_ratio numeric(8,4)  not null,
    source       varchar(200),
    primary key (unit_id, year, plan_id)
);
