-- 2.1: item states, owner lookup by e-mail, an audit view
INSERT INTO schema_log (version) VALUES ('2.1');
ALTER TABLE items ADD COLUMN state varchar(16) NOT NULL DEFAULT 'open', ADD COLUMN closed_at timestamptz;
ALTER TABLE items ADD CONSTRAINT fk_items_owner FOREIGN KEY (owner_id) REFERENCES owners (id);
CREATE INDEX idx_items_state ON items (state);
CREATE UNIQUE INDEX IF NOT EXISTS idx_owners_email ON owners (lower(email));
CREATE SEQUENCE item_number_seq;
CREATE VIEW open_items AS SELECT id, name FROM items WHERE state = 'open';
UPDATE items SET state = 'closed', closed_at = now() WHERE name LIKE 'done:%';
