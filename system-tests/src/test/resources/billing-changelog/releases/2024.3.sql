--liquibase formatted sql

--changeset billing:2024.3-001-invoice-due-date
ALTER TABLE invoices ADD COLUMN due_date date;
--rollback ALTER TABLE invoices DROP COLUMN due_date;

--changeset billing:2024.3-002-invoice-status-index runInTransaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_invoices_status ON invoices (status);
--rollback DROP INDEX IF EXISTS idx_invoices_status;
