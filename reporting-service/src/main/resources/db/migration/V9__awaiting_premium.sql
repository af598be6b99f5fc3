-- Enrolments whose premium is still owed: the district table counts them once their premium is collected (never before).
create table awaiting_premium (
    enrollment_id uuid         primary key,
    district      varchar(100) not null,
    retired       boolean      not null
);
