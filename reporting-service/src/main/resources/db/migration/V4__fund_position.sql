-- Who paid each enrolment's premium (member, unit, union, province ...), for the fund position.
create table ratio_funding (
    enrollment_id uuid          not null,
    payer         varchar(50)   not null,
    amount        numeric(14,2) not null,
    primary key (enrollment_id, payer)
);
