-- Logging in to real Dell switches: an enable password and a private key per credential (AES-GCM
-- like secret; null: none), platform "auto" (platform null until a poll detects it), legacy SSH
-- algorithms per switch, and how the last session logged in.
alter table credential add column enable_secret bytea;
alter table credential add column private_key_secret bytea;
alter table switch alter column platform drop not null;
alter table switch add column platform_auto boolean not null default false;
alter table switch add column legacy_crypto boolean not null default false;

create table switch_login (
    switch_id      int primary key references switch (id) on delete cascade,
    method         text        not null,
    in_shell_login boolean     not null,
    enable         text,
    legacy_crypto  boolean     not null,
    detected_at    timestamptz not null default now()
);
