-- Guangdong's province money: union-member status of members and dues status of units (from the union's registers),
-- and the cities' quotas of the province's budget with the places taken. Only additions, for rolling updates.
alter table member_view add column union_member boolean not null default false;
alter table unit_view add column dues_paid_in_full boolean not null default false;

create table province_quota_view (
    plan_id   varchar(100) not null,
    year      integer      not null,
    district  varchar(100) not null,
    grp       varchar(20)  not null,
    quota     integer      not null,
    taken     integer      not null default 0,
    primary key (plan_id, year, district, grp)
);

create table province_budget_view (
    plan_id   varchar(100)   not null,
    year      integer        not null,
    budget    numeric(14,2)  not null,
    allocated numeric(14,2)  not null,
    primary key (plan_id, year)
);
