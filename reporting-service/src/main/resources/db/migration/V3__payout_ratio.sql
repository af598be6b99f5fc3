-- Payout ratio (给付率 = benefits paid ÷ premiums collected) per unit, district and plan of a plan year. An enrolment
-- counts in the year its coverage starts; its premium counts once collected; a benefit counts for the enrolment it
-- was approved under (hospital settlements included: the fund pays them at the desk) until its claim is revoked.
create table ratio_enrollment (
    enrollment_id uuid          primary key,
    member_id     uuid          not null,
    unit_id       uuid          not null,
    district      varchar(100)  not null,
    plan_id       varchar(100)  not null,
    year          integer       not null,
    premium       numeric(14,2) not null,
    collected     boolean       not null,
    gifted        boolean       not null
);
create index ratio_enrollment_year on ratio_enrollment (year, plan_id);
create index ratio_enrollment_unit on ratio_enrollment (unit_id);

create table ratio_benefit (
    claim_id      uuid          not null,
    enrollment_id uuid          not null,
    amount        numeric(14,2) not null,
    decided_on    date          not null,
    revoked       boolean       not null default false,
    primary key (claim_id, enrollment_id)
);
create index ratio_benefit_enrollment on ratio_benefit (enrollment_id);

create table ratio_processed_event (
    event_id uuid primary key
);
