-- Base lookup data for a NEW CRM tenant, applied after migrating to head (tag v1.4).
-- Idempotent (ON CONFLICT DO NOTHING), one plain SQL statement per line, each terminated by a semicolon,
-- no psql meta-commands, runnable by the (non-superuser) database owner role.
INSERT INTO industries (code, label) VALUES ('software', 'Software & SaaS') ON CONFLICT DO NOTHING;
INSERT INTO industries (code, label) VALUES ('finance', 'Banking & Financial Services') ON CONFLICT DO NOTHING;
INSERT INTO industries (code, label) VALUES ('healthcare', 'Healthcare & Life Sciences') ON CONFLICT DO NOTHING;
INSERT INTO industries (code, label) VALUES ('manufacturing', 'Manufacturing') ON CONFLICT DO NOTHING;
INSERT INTO industries (code, label) VALUES ('retail', 'Retail & E-commerce') ON CONFLICT DO NOTHING;
INSERT INTO industries (code, label) VALUES ('education', 'Education') ON CONFLICT DO NOTHING;
INSERT INTO industries (code, label) VALUES ('energy', 'Energy & Utilities') ON CONFLICT DO NOTHING;
INSERT INTO industries (code, label) VALUES ('logistics', 'Transport & Logistics') ON CONFLICT DO NOTHING;
INSERT INTO industries (code, label) VALUES ('media', 'Media & Entertainment') ON CONFLICT DO NOTHING;
INSERT INTO industries (code, label) VALUES ('public_sector', 'Government & Public Sector') ON CONFLICT DO NOTHING;
INSERT INTO industries (code, label) VALUES ('consulting', 'Professional Services') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('AT', 'Austria') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('AU', 'Australia') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('BE', 'Belgium') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('BR', 'Brazil') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('CA', 'Canada') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('CH', 'Switzerland') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('CN', 'China') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('DE', 'Germany') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('DK', 'Denmark') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('ES', 'Spain') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('FI', 'Finland') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('FR', 'France') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('GB', 'United Kingdom') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('IE', 'Ireland') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('IN', 'India') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('IT', 'Italy') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('JP', 'Japan') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('MX', 'Mexico') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('NL', 'Netherlands') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('NO', 'Norway') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('PL', 'Poland') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('PT', 'Portugal') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('SE', 'Sweden') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('SG', 'Singapore') ON CONFLICT DO NOTHING;
INSERT INTO countries (iso2, name) VALUES ('US', 'United States') ON CONFLICT DO NOTHING;
