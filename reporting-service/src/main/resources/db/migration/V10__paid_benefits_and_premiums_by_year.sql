-- A payout ratio (给付率) is the benefits paid over the premiums collected. A benefit is paid at the hospital's desk
-- when its claim was a hospital settlement, otherwise once the member's transfer is confirmed (PayoutSucceeded); it is
-- booked in the plan year of the enrolment its event falls in. The premium of a term of several years is spread over
-- the years it covers. Rows recorded before this migration lack those facts: rebuild the payout-ratio projection
-- (POST /api/admin/projections/payout-ratio/rebuild) to fill them from the topics.
alter table ratio_enrollment add column coverage_start date;
alter table ratio_enrollment add column term_years integer not null default 1;
alter table ratio_benefit add column at_hospital boolean not null default false;
alter table ratio_benefit add column event_date date;
create table ratio_paid_claim (
    claim_id uuid primary key,
    paid_on  date not null
);
