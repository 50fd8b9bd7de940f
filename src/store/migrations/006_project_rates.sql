-- otium schema: an hourly rate and its currency per project, for billing reports.
--
-- Self-contained: it only adds nullable columns, so its place in the sequence can move.
-- The rate is kept in hundredths of the currency per hour (8500 is 85.00), so amounts
-- are exact integer arithmetic. Both are set together or not at all.
ALTER TABLE projects ADD COLUMN rate_cents INTEGER CHECK (rate_cents IS NULL OR rate_cents >= 0);
ALTER TABLE projects ADD COLUMN currency TEXT CHECK (currency IS NULL OR length(currency) = 3);
