-- Refused attempts (401, 403, 404) and reads that showed personal data unmasked are written too; what such a read showed.
alter table entry add column disclosed varchar(200);
