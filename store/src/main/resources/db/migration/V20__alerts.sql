-- Alert rules, evaluated by the collector as changes are detected, delivered to webhooks.
create table alert_rule (
    id            serial primary key,
    name          text    not null,
    kind          text    not null check (kind in ('watched_mac', 'watched_oui', 'moved', 'new_mac_on_fixed_port',
                                                   'flapping', 'duplicate_mac')),
    mac           text,                -- watched_mac, moved (optional filter), new_mac_on_fixed_port (the fixed device)
    oui           text,                -- watched_oui: six hex digits
    switch_id     int references switch (id) on delete cascade,
    port_key      text,                -- new_mac_on_fixed_port
    flap_moves    int check (flap_moves >= 2),
    flap_minutes  int check (flap_minutes >= 1),
    webhook_url   text,                -- null: log only
    secret        bytea,               -- HMAC key, AES-GCM sealed like switch credentials
    enabled       boolean not null default true,
    created_by    text,
    created_at    timestamptz not null default now()
);

create table alert_delivery (
    id           bigserial primary key,
    rule_id      int references alert_rule (id) on delete cascade,
    at           timestamptz not null default now(),
    mac          text,
    payload      text        not null,
    status       text        not null check (status in ('pending', 'delivered', 'failed', 'logged')),
    attempts     int         not null default 0,
    last_error   text,
    delivered_at timestamptz
);
create index alert_delivery_rule on alert_delivery (rule_id, at);
