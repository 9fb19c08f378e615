--liquibase formatted sql

--changeset alice:r1-001-accounts
CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
--rollback DROP TABLE accounts;

--changeset alice:r1-002-invoices
CREATE TABLE invoices (
    id bigserial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    note text
);
CREATE INDEX idx_invoices_account ON invoices (account_id);
--rollback DROP TABLE invoices;

--changeset alice:r1-003-oracle-only dbms:oracle
CREATE TABLE oracle_only (id int);
--rollback DROP TABLE oracle_only;
