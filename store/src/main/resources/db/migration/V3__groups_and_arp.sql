-- A site is the switch group: its credential and poll interval apply to switches without their own.
alter table site add column credential_id int references credential (id);
alter table site add column poll_interval_seconds int check (poll_interval_seconds >= 10);
-- Switches that route hold the ARP table that gives MACs their IP addresses.
alter table switch add column collect_arp boolean not null default false;
