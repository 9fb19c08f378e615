CREATE TABLE schema_log (version varchar(16) PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE items (id bigserial PRIMARY KEY, name text NOT NULL, owner_id bigint);
CREATE TABLE owners (id bigserial PRIMARY KEY, email text NOT NULL);
INSERT INTO schema_log (version) VALUES ('2.0');
