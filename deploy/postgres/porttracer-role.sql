-- A least-privilege PostgreSQL role for PortTracer: it logs in and owns its own database's objects (Flyway
-- migrates them at start), and nothing else: no superuser, no other databases, no roles, no replication.
-- Run as the database superuser:
--   psql -v role=porttracer -v db=porttracer -v password='...' -f deploy/postgres/porttracer-role.sql
create role :"role" login password :'password' nosuperuser nocreatedb nocreaterole noreplication;
create database :"db" owner :"role";
revoke all on database :"db" from public;
grant connect, temporary on database :"db" to :"role";
\connect :"db"
revoke all on schema public from public;
alter schema public owner to :"role";
