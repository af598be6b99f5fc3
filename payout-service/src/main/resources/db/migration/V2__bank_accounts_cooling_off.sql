-- An account changed by someone other than the member waits here out its cooling-off period; meanwhile the member has no
-- account in bank_account, so payouts due wait (they go neither to the old account nor to the new one).
create table bank_account_pending (like bank_account including all);
alter table bank_account_pending add column effective_from date not null;
create index bank_account_pending_due on bank_account_pending (effective_from);
