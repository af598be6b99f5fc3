-- Batches from district offices that were processed, with the answer sent, so that a batch delivered or
-- sent again has no second effect and gets the same answer.
create table processed_regional_batch (
    batch_id     varchar(200) primary key,
    district     varchar(100) not null,
    result       bytea        not null,
    processed_at timestamptz  not null default now()
);
