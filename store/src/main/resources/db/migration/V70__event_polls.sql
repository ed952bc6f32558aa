-- Event-driven polls: one row per switch holding when its last (or next) event poll fires, so that
-- every collector node receiving the same trap claims it at most once per debounce window.
create table event_poll (
    switch_id integer primary key references switch(id) on delete cascade,
    fire_at timestamptz not null
);
