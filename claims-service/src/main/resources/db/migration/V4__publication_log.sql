-- The events the Kafka publisher has handled (written with its token), and how far the publication check has compared
-- the event store with them: an event the publisher passed without publishing (a gap given up) is published by the check.
create table publication_log (
    event_id     varchar(255) primary key,
    global_index bigint
);
create index publication_log_index on publication_log (global_index);

create table publication_check (
    processor     varchar(255) primary key,
    checked_up_to bigint not null
);
