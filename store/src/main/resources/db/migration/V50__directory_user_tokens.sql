-- Directory users (name@ldap) have no app_user row but may own API tokens; their role is read from
-- the directory at use. Local user names cannot end in @ldap (the API refuses them).
alter table api_token drop constraint api_token_username_fkey;
