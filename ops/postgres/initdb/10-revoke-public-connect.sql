-- Revokes CONNECT and TEMPORARY from PUBLIC on a database server's own databases: postgres, template1 and the database
-- this runs in (docs/operations.md, "Hardening the database servers"). PostgreSQL grants both to PUBLIC on every
-- database it creates, so without this every tenant role could open postgres, template1 and, on the server that also
-- holds it, the control database (without a password where the server trusts its clients). Tenant databases are
-- revoked and granted to their own role by provisioning; nothing Tenant Fleet runs needs PUBLIC's grants here.
--
-- The postgres image runs it once, on the first start with an empty data directory, as POSTGRES_USER connected to
-- POSTGRES_DB (docker-compose.yml mounts this directory as /docker-entrypoint-initdb.d). By hand, as the server's
-- admin (a superuser, or the owner of each database), connected to the control database where there is one:
--
--   psql -v ON_ERROR_STOP=1 -h HOST -U ADMIN -d tenantfleet -f 10-revoke-public-connect.sql
--
-- -v databases=a,b,c names the databases instead (a comma-separated list): for other set-ups, and for the test.
-- Re-running it is harmless. A role that must still open one of them gets its own grant:
--   GRANT CONNECT ON DATABASE tenantfleet TO identity_consumer;
\if :{?databases}
\else
SELECT 'postgres,template1,' || current_database() AS databases \gset
\endif
SELECT format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', btrim(name))
FROM unnest(string_to_array(:'databases', ',')) AS name
WHERE btrim(name) <> '' \gexec
