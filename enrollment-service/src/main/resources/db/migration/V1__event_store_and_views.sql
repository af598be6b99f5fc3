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

-- Read models, updated in the same transaction as the events they come from.
create table unit_view (
    unit_id           uuid         primary key,
    name              varchar(200) not null,
    district          varchar(100) not null,
    nature            varchar(20)  not null,
    insured_headcount integer      not null
);

create table member_view (
    member_id          uuid         primary key,
    unit_id            uuid         not null,
    district           varchar(100) not null,
    name               varchar(100) not null,
    id_number_masked   varchar(18)  not null,
    phone_masked       varchar(20),
    category           varchar(20)  not null,
    gender             varchar(10)  not null,
    birth_date         date         not null,
    service_card       boolean      not null,
    real_name_verified boolean      not null,
    registered_on      date         not null
);
create index member_view_unit on member_view (unit_id);

create table enrollment_view (
    enrollment_id      uuid          primary key,
    member_id          uuid          not null,
    plan_id            varchar(100)  not null,
    plan_version       integer       not null,
    shares             integer       not null,
    term_years         integer       not null,
    premium            numeric(12,2) not null,
    funding            jsonb         not null,
    coverage_start     date          not null,
    coverage_end       date          not null,
    waiting_period_end date          not null,
    continuous         boolean       not null,
    gifted             boolean       not null,
    gift_of            uuid,
    migrated           boolean       not null,
    district           varchar(100)  not null,
    category           varchar(20)   not null
);
create index enrollment_view_member on enrollment_view (member_id, coverage_start);

-- Responses of creating POSTs, by Idempotency-Key, so a retried request gets the first answer.
create table idempotency_record (
    idempotency_key varchar(200) not null,
    endpoint        varchar(200) not null,
    request_hash    varchar(64)  not null,
    status          integer,
    content_type    varchar(100),
    body            bytea,
    created_at      timestamptz  not null default now(),
    primary key (idempotency_key, endpoint)
);
