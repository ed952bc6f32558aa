-- API tokens: the secret is shown once at creation; only its SHA-256 is kept.
create table api_token (
    id           serial primary key,
    username     text        not null references app_user (username) on delete cascade,
    name         text        not null,
    token_hash   bytea       not null unique,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user on api_token (username);
create index audit_log_user_at on audit_log (username, at);
