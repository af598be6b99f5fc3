-- How often the figures the reports read have changed, per source (a listener, a summary, the rebuild): bumped in the
-- transaction of each change, so that any instance may tell whether an answer it keeps is still current.
create table report_change (
    source  varchar(100) primary key,
    changes bigint       not null
);
