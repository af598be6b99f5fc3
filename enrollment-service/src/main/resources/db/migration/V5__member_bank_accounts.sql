-- The account a member's benefits are paid to, as the REST API shows it: the number masked (first 4, last 4).
alter table member_view
    add column bank_name            varchar(100),
    add column bank_account_type    varchar(20),
    add column bank_account_masked  varchar(40),
    add column bank_account_holder  varchar(100),
    add column bank_registered_on   date;
