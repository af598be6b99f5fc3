-- Axon event store (JDBC storage engine, PostgreSQL). Payloads are bytea, never large objects (oid).
create table domainevententry (
    globalindex         bigserial    not null primary key,
    eventidentifier     varchar(255) not null unique,
    aggregateidentifier varchar(255) not null,
    sequencenumber      bigint       not null,
    type                varchar(255),
    timestamp           varchar(255) not null,
    payloadtype         varchar(255) not null,
    payloadrevision     varchar(255),
    payload             bytea        not null,
    metadata            bytea,
    unique (aggregateidentifier, sequencenumber)
);

create table snapshotevententry (
    aggregateidentifier varchar(255) not null,
    sequencenumber      bigint       not null,
    type                varchar(255) not null,
    eventidentifier     varchar(255) not null unique,
    timestamp           varchar(255) not null,
    payloadtype         varchar(255) not null,
    payloadrevision     varchar(255),
    payload             bytea        not null,
    metadata            bytea,
    primary key (aggregateidentifier, sequencenumber)
);

-- Tracking tokens of the streaming processors (the Kafka publisher among them).
create table tokenentry (
    processorname varchar(255) not null,
    segment       integer      not null,
    token         bytea,
    tokentype     varchar(255),
    timestamp     varchar(255),
    owner         varchar(255),
    primary key (processorname, segment)
);

-- The account each member's benefits are paid to, from huzhu.enrollment.bank-accounts.v1 (the latest record wins).
-- The full number is needed for the transfer; it is never returned by the API nor logged.
create table bank_account (
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
    event_at       timestamptz  not null
);

-- Every payout as its events left it (updated in the transaction that stores them).
create table payout_view (
    payout_id           uuid          primary key,
    claim_id            uuid          not null,
    member_id           uuid          not null,
    enrollment_id       uuid          not null,
    plan_id             varchar(100)  not null,
    claim_type          varchar(40)   not null,
    amount              numeric(12,2) not null,
    decided_on          date          not null,
    status              varchar(30)   not null,
    attempts            integer       not null default 0,
    reference           varchar(60),
    batch_id            uuid,
    district            varchar(100),
    transferred         numeric(12,2),
    offset_amount       numeric(12,2) not null default 0,
    account_masked      varchar(40),
    parked_account_hash varchar(64),
    failure_reason      varchar(60),
    next_attempt_at     timestamptz,
    requested_at        timestamptz,
    scheduled_at        timestamptz   not null,
    settled_at          timestamptz,
    revocation_reason   varchar(60),
    to_recover          numeric(12,2)
);
create index payout_view_claim on payout_view (claim_id);
create index payout_view_member on payout_view (member_id);
create index payout_view_open on payout_view (status, scheduled_at) where status in ('SCHEDULED', 'SENDING', 'RETRY_WAIT', 'PARKED');

-- Every transfer sent to the bank, one per reference (a payout retried has several).
create table transfer_view (
    reference           varchar(60)   primary key,
    payout_id           uuid          not null,
    member_id           uuid          not null,
    attempt             integer       not null,
    batch_id            uuid          not null,
    district            varchar(100)  not null,
    day                 date          not null,
    amount              numeric(12,2) not null,
    account_number      varchar(30)   not null,
    account_masked      varchar(40)   not null,
    holder_name         varchar(100)  not null,
    bank_name           varchar(100)  not null,
    status              varchar(20)   not null,
    reason              varchar(60),
    bank_transaction_id varchar(60),
    requested_at        timestamptz   not null,
    confirmed_at        timestamptz
);
create index transfer_view_batch on transfer_view (batch_id);
create index transfer_view_payout on transfer_view (payout_id);

-- What each member owes back for claims revoked after payment, and its movements.
create table recovery_view (
    member_id   uuid          primary key,
    opened      numeric(14,2) not null default 0,
    offset_sum  numeric(14,2) not null default 0,
    repaid      numeric(14,2) not null default 0,
    outstanding numeric(14,2) not null default 0
);
create table recovery_entry (
    id          bigserial     primary key,
    member_id   uuid          not null,
    kind        varchar(20)   not null,
    payout_id   uuid,
    reference   varchar(60),
    amount      numeric(12,2) not null,
    outstanding numeric(14,2) not null,
    recorded_on date          not null
);
create index recovery_entry_member on recovery_entry (member_id);

-- The latest reconciliation of each disbursement batch against the bank's statement.
create table batch_reconciliation (
    batch_id      uuid          primary key,
    district      varchar(100)  not null,
    day           date          not null,
    status        varchar(20)   not null,
    count         integer       not null,
    amount        numeric(14,2) not null,
    bank_count    integer       not null,
    bank_amount   numeric(14,2) not null,
    differences   text          not null,
    reconciled_at timestamptz   not null
);

-- Notices sent to members, one per event (a notice is not sent twice when its event is handled again).
create table notification_log (
    event_id  varchar(255) primary key,
    member_id uuid         not null,
    kind      varchar(30)  not null,
    sent_at   timestamptz  not null
);
