-- A batch id is the office's own: another district's office may use the same id for a batch of its own.
alter table processed_regional_batch drop constraint processed_regional_batch_pkey;
alter table processed_regional_batch add primary key (district, batch_id);
