-- Member notices (ADR 0029): what each notice said, to whom (phone masked) and how it went, one row per event.
alter table notification_log add column text         text;
alter table notification_log add column outcome      varchar(20) not null default 'SENT';
alter table notification_log add column phone_masked varchar(30);
create index notification_log_member on notification_log (member_id, sent_at);

-- The phone each member is told on (MemberContactRegistered); personal data, never logged.
create table member_contact (
    member_id  uuid        primary key,
    phone      varchar(30) not null,
    event_at   timestamptz not null
);

-- Members who asked not to be told anything but payments and recoveries.
create table notice_preference (
    member_id  uuid        primary key,
    opted_out  boolean     not null,
    changed_at timestamptz not null
);

-- Plan names for the notices' text.
create table notice_plan (
    plan_id varchar(100) primary key,
    name    varchar(200) not null
);

-- Enrolments as the renewal reminders need them: cover, whether it is paid, and (by a later one of the same plan) renewed.
create table notice_enrolment (
    enrollment_id  uuid         primary key,
    member_id      uuid         not null,
    plan_id        varchar(100) not null,
    coverage_start date         not null,
    coverage_end   date         not null,
    paid           boolean      not null
);
create index notice_enrolment_end on notice_enrolment (coverage_end);
create index notice_enrolment_member on notice_enrolment (member_id, plan_id);
