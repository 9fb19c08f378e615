-- Total of an invoice's lines. The function body holds semicolons: this file runs with splitStatements false.
CREATE OR REPLACE FUNCTION invoice_total(p_invoice bigint) RETURNS numeric AS $$
DECLARE
    total numeric;
BEGIN
    SELECT coalesce(sum(amount), 0) INTO total FROM invoice_lines WHERE invoice_id = p_invoice;
    RETURN total;
END;
$$ LANGUAGE plpgsql;
