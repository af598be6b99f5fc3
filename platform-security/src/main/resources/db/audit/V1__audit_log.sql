-- Who changed what, when and from where: one row per state-changing request that passed the access rules.
-- Append-only: rows can be added and read, never changed or removed (the triggers refuse it; in production the
-- service's database user should also hold only INSERT and SELECT on it).
create table entry (
    id             bigserial     primary key,
    at             timestamptz   not null default now(),
    actor          varchar(200)  not null,
    roles          varchar(300)  not null,
    method         varchar(10)   not null,
    path           varchar(1000) not null,
    query          varchar(2000),
    status         integer       not null,
    remote_address varchar(100)  not null,
    forwarded_for  varchar(300),
    request_key    varchar(200)
);
create index entry_actor_at on entry (actor, at);
create index entry_at on entry (at);

create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % refused', tg_op;
end
$$;
create trigger entry_append_only before update or delete on entry for each row execute function refuse_change();
create trigger entry_no_truncate before truncate on entry for each statement execute function refuse_change();
