create table site (
    id   serial primary key,
    name text not null unique
);

create table floor (
    id      serial primary key,
    site_id int  not null references site (id) on delete cascade,
    name    text not null,
    unique (site_id, name)
);

-- secret holds AES-GCM(iv || ciphertext) of the password; the key never touches the database.
create table credential (
    id       serial primary key,
    name     text  not null unique,
    username text  not null,
    secret   bytea not null
);

create table switch (
    id                    serial primary key,
    name                  text    not null unique,
    host                  text    not null,
    ssh_port              int     not null default 22 check (ssh_port between 1 and 65535),
    platform              text    not null check (platform in ('os10', 'os9', 'os6', 'powerconnect')),
    model                 text,
    site_id               int     not null references site (id),
    floor_id              int references floor (id),
    credential_id         int references credential (id),
    enabled               boolean not null default true,
    poll_interval_seconds int check (poll_interval_seconds >= 10),
    host_key              text,
    host_key_seen_at      timestamptz,
    created_at            timestamptz not null default now(),
    unique (host, ssh_port)
);

-- Inventory knowledge about a port that polling cannot learn, e.g. an AP or hypervisor port.
create table port_override (
    switch_id int  not null references switch (id) on delete cascade,
    port_key  text not null,
    role      text not null check (role in ('edge', 'uplink')),
    note      text,
    primary key (switch_id, port_key)
);

create table poll_status (
    switch_id            int primary key references switch (id) on delete cascade,
    started_at           timestamptz not null,
    duration_ms          int         not null,
    outcome              text        not null,
    error                text,
    entries              int,
    unparsed_lines       int,
    last_ok_at           timestamptz,
    last_ok_entries      int,
    consecutive_failures int         not null default 0,
    node                 text
);

create table app_user (
    id            serial primary key,
    username      text    not null unique,
    password_hash text    not null,
    role          text    not null check (role in ('oss', 'netadmin', 'superadmin')),
    enabled       boolean not null default true,
    created_at    timestamptz not null default now()
);

create table audit_log (
    id          bigserial primary key,
    at          timestamptz not null default now(),
    username    text,
    action      text        not null,
    detail      text,
    remote_addr text,
    result      text        not null
);
create index audit_log_at on audit_log (at);
