-- Enrolments as the renewal rate counts them (part of the target completion projection): who, which unit, district and
-- plan, the cover, and whether it is in force (its premium collected or owed by nobody). A deployment that had the
-- projection before this table fills it by rebuilding that projection (operations guide).
create table renewal_enrolment (
    enrollment_id  uuid         primary key,
    member_id      uuid         not null,
    unit_id        uuid         not null,
    district       varchar(100) not null,
    plan_id        varchar(100) not null,
    coverage_start date         not null,
    coverage_end   date         not null,
    paid           boolean      not null
);
create index renewal_enrolment_member on renewal_enrolment (member_id, plan_id, coverage_start);
create index renewal_enrolment_start on renewal_enrolment (coverage_start);
