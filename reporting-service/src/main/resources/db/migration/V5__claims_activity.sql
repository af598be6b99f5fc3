-- Claims by plan, type, district and month of submission: every decided claim with its current status (APPROVED,
-- REJECTED or REVOKED), the benefits it pays per plan, and the days its payouts reached the member's card.
-- Claims, members and payouts come from different topics in no guaranteed order, so the rows are joined when read.
create table claim_fact (
    claim_id     uuid          primary key,
    member_id    uuid          not null,
    type         varchar(30)   not null,
    status       varchar(10)   not null,
    submitted_on date          not null,
    decided_on   date          not null,
    amount       numeric(14,2) not null,
    at_hospital  boolean       not null
);
create index claim_fact_submitted on claim_fact (submitted_on);

-- What an approved claim pays under each plan (rejected claims have no rows).
create table claim_fact_plan (
    claim_id uuid          not null,
    plan_id  varchar(100)  not null,
    amount   numeric(14,2) not null,
    primary key (claim_id, plan_id)
);

-- The district of each member (of the unit they were registered with).
create table claim_member (
    member_id uuid         primary key,
    district  varchar(100) not null
);

-- Each payout the bank confirmed, with the claim it paid.
create table claim_payment (
    payout_id    uuid primary key,
    claim_id     uuid not null,
    confirmed_on date not null
);
create index claim_payment_claim on claim_payment (claim_id);

create table claim_processed_event (
    event_id uuid primary key
);
