-- Creating requests sent with an Idempotency-Key, per caller (the token's subject), endpoint and key: the answer given,
-- replayed to the same caller for the same body. A row without an answer is a request in progress; one left by a crash is
-- taken over after a while (the service's huzhu.security.idempotency-abandoned-after).
create table request (
    caller          varchar(200) not null,
    endpoint        varchar(200) not null,
    idempotency_key varchar(200) not null,
    request_hash    varchar(64)  not null,
    status          integer,
    content_type    varchar(100),
    body            bytea,
    created_at      timestamptz  not null default now(),
    primary key (caller, endpoint, idempotency_key)
);
