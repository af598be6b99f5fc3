-- Hardship and model-worker status (from the union's registers), and a bank account changed by someone other than the
-- member, waiting out its cooling-off period before it is the account benefits are paid to.
alter table member_view
    add column hardship                    boolean     not null default false,
    add column model_worker                boolean     not null default false,
    add column pending_bank_name           varchar(100),
    add column pending_bank_account_type   varchar(20),
    add column pending_bank_account_masked varchar(40),
    add column pending_bank_account_holder varchar(100),
    add column pending_bank_registered_on  date,
    add column pending_bank_effective_on   date;
