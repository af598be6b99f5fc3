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

-- The plan versions as the catalogue publishes them: their benefit rules are read from the definition.
create table plan_definition (
    plan_id    varchar(100) not null,
    version    integer      not null,
    valid_from date         not null,
    definition text         not null,
    primary key (plan_id, version)
);

-- Every enrolment of every member, from the enrolment events: what a claim can be paid under.
create table coverage_view (
    enrollment_id      uuid         primary key,
    member_id          uuid         not null,
    unit_id            uuid         not null,
    district           varchar(100) not null,
    plan_id            varchar(100) not null,
    plan_version       integer      not null,
    shares             integer      not null,
    coverage_start     date         not null,
    coverage_end       date         not null,
    waiting_period_end date         not null,
    continuous         boolean      not null,
    premium_status     varchar(20)  not null
);
create index coverage_view_member on coverage_view (member_id, coverage_start);
