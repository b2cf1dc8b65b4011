// Issue #28 point 9: walk-up rating opens a ticket by its check code alone, so a code is unique
// within its business day (the issuer draws again on a clash) and found by one index step. Not a
// UNIQUE index: a transfer re-queues the same ticket (same number, same code) as a new row, and
// days issued before this migration may already hold a repeated code.
export const m019CheckCodePerDay = `
CREATE INDEX tickets_day_check_code ON tickets(business_day, check_code);
`;
