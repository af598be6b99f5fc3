-- The claims table at the cube's own grain is read in this order without sorting or grouping.
drop index claim_cube_year;
create index claim_cube_grain on claim_cube (year, with_plan, plan_id, type, district, month);
