-- An account changed by someone other than the member waits here out its cooling-off period; meanwhile the member has no
-- account in bank_account, so payouts due wait (they go neither to the old account nor to the new one).
create table bank_account_pending (
    member_id      uuid         primary key,
    account_number varchar(30)  not null,
    account_hash   varchar(64)  not null,
    account_masked varchar(40)  not null,
    account_type   varchar(20)  not null,
    bank_name      varchar(100) not null,
    holder_name    varchar(100) not null,
    district       varchar(100) not null,
    phone          varchar(30),
    registered_on  date         not null,
    event_at       timestamptz  not null,
    effective_from date         not null
);
create index bank_account_pending_due on bank_account_pending (effective_from);
