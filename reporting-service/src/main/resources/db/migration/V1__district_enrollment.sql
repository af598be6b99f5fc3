-- District enrolment table (Ningbo attachment): enrolments per plan year and district, by kind.
-- The total is always gifted + in-service + retired, computed when read: one rule for every row.
create table district_enrollment (
    year        integer      not null,
    district    varchar(100) not null,
    gifted      integer      not null default 0,
    in_service  integer      not null default 0,
    retired     integer      not null default 0,
    primary key (year, district)
);

-- Real-name verified members by the year they were registered in; a year's figure is the running sum up to it.
create table real_name_members (
    year     integer      not null,
    district varchar(100) not null,
    members  integer      not null default 0,
    primary key (year, district)
);

-- Every event counted, so a redelivered record changes nothing.
create table processed_event (
    event_id uuid primary key
);
