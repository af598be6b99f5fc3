-- A unit's nature (PUBLIC, NON_PUBLIC, PROVINCE_OWNED), for the lists of units a plan's gift is for (Huzhou: 吴兴区 and
-- province-owned enterprises). Units registered before are filled by a rebuild of the target-completion projection.
alter table unit_directory add column nature varchar(40);
