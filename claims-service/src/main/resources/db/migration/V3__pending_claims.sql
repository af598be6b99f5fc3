-- Claims waiting for the member's cover to reach claims (PENDING_COVERAGE), until they are decided.
create table pending_claim (
    claim_id      varchar(64)  primary key,
    member_id     varchar(64)  not null,
    event_date    date         not null,
    pending_until timestamptz  not null
);
create index pending_claim_member on pending_claim (member_id);
