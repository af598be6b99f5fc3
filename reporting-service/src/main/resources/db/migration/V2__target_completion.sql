-- Target completion table (Wujin attachment 1): targets per unit or district and plan year, and the
-- enrolments that count towards them.
create table unit_directory (
    unit_id  uuid primary key,
    name     varchar(200) not null,
    district varchar(100) not null
);

create table enrollment_target (
    target_id varchar(300) primary key,
    scope     varchar(10)  not null,
    unit_id   uuid,
    district  varchar(100) not null,
    year      integer      not null,
    plan_id   varchar(100),
    target    integer      not null,
    set_at    timestamptz  not null
);
create index enrollment_target_year on enrollment_target (year, scope);

-- Enrolments per plan year, unit and plan. The plan year is the year coverage starts.
create table unit_year_enrollment (
    year     integer      not null,
    unit_id  uuid         not null,
    plan_id  varchar(100) not null,
    district varchar(100) not null,
    enrolled integer      not null default 0,
    primary key (year, unit_id, plan_id)
);

create table target_processed_event (
    event_id uuid primary key
);
