-- A unit's enrolment and payout ratio per year, imported until claims and payouts produce them (renewal discounts, gifts).
create table unit_payout_ratio_view (
    unit_id      uuid          not null,
    year         integer       not null,
    enrolled     integer       not null,
    payout_ratio numeric(8,4)  not null,
    source       varchar(200),
    primary key (unit_id, year)
);
