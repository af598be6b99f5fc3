-- Enrolments are pending until their premium is collected (a unit's transfer for its roster, or a bank deduction).
alter table enrollment_view add column premium_status varchar(20) not null default 'COLLECTED';
alter table enrollment_view add column collected_on date;
alter table enrollment_view add column collection_reference varchar(100);
alter table enrollment_view add column collection_failure varchar(200);
