-- The members the platform knows, from MemberRegistered: a claim for anyone else is refused and nothing is recorded.
create table member_directory (
    member_id uuid         primary key,
    unit_id   uuid         not null,
    district  varchar(100) not null
);
