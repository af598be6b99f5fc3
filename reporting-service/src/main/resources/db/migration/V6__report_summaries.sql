-- Summaries the report endpoints read, recomputed from the projections' tables whenever these changed (at most every
-- huzhu.reporting.summary-refresh-millis): a report reads a few hundred rows instead of grouping every enrolment or claim.

-- Payout ratio figures of a plan year per level: 2 unit and plan, 3 unit, 4 district and plan, 5 district, 6 plan
-- (the bits of GROUPING(unit_id, district, plan_id)). members: distinct members enrolled; premiums: collected;
-- benefits: approved and standing; approved: all approved (revoked included); revoked: approved then revoked.
create table ratio_summary (
    level     smallint      not null,
    year      integer       not null,
    unit_id   uuid,
    district  varchar(100),
    plan_id   varchar(100),
    members   bigint        not null,
    premiums  numeric(16,2) not null,
    benefits  numeric(16,2) not null,
    approved  numeric(16,2) not null,
    revoked   numeric(16,2) not null
);
create index ratio_summary_level on ratio_summary (year, level);

-- Premiums collected per plan year, plan and payer (fund position).
create table ratio_payer_summary (
    year    integer       not null,
    plan_id varchar(100)  not null,
    payer   varchar(50)   not null,
    amount  numeric(16,2) not null
);
create index ratio_payer_summary_year on ratio_payer_summary (year);

-- Claims per year, type, district and month of submission, once without plans (each claim once) and once per plan it
-- pays under (with_plan; rejected claims under a null plan). Every measure adds up, so any coarser grouping is a sum:
-- the average days to payment is days_sum / paid.
create table claim_cube (
    with_plan boolean       not null,
    year      integer       not null,
    plan_id   varchar(100),
    type      varchar(30)   not null,
    district  varchar(100)  not null,
    month     char(7)       not null,
    claims    bigint        not null,
    approved  bigint        not null,
    rejected  bigint        not null,
    revoked   bigint        not null,
    amount    numeric(16,2) not null,
    paid      bigint        not null,
    days_sum  bigint        not null
);
create index claim_cube_year on claim_cube (year, with_plan);

create index enrollment_target_unit on enrollment_target (scope, unit_id, year);
