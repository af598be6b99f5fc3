-- A unit's imported figures may be of one plan (Huzhou's gift is decided on the hospitalisation plan's): '' stands for
-- the unit's whole scheme, as every figure recorded before.
alter table unit_payout_ratio_view add column plan_id varchar(100) not null default '';
alter table unit_payout_ratio_view drop constraint unit_payout_ratio_view_pkey;
alter table unit_payout_ratio_view add primary key (unit_id, year, plan_id);
