-- When a switch last presented the key that differs from its pinned one (for the host-key review).
alter table switch add column host_key_offered_at timestamptz;
