--liquibase formatted sql

--changeset billing:2024.1-001-customers
CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
--rollback DROP TABLE customers;

--changeset billing:2024.1-002-invoices
CREATE TABLE invoices (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    status varchar(16) NOT NULL DEFAULT 'open',
    note text
);
CREATE INDEX idx_invoices_customer ON invoices (customer_id);
--rollback DROP TABLE invoices;
