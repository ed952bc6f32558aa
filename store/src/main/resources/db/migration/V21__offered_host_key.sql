-- The key a switch presented that differs from the pinned one, kept for an administrator to accept.
alter table switch add column host_key_offered text;
