// Issue #28, the first morning of a new office.
// Point 13: "Bỏ qua" (no-show) is allowed only after a second call or the office's minimum wait
// since the call. A recall bumps call_count but keeps called_at (reports measure the wait to the
// first call), so the time of the latest recall is kept on its own: a recall counts for the call
// it followed (recalled_at >= called_at), not for a later call of the same ticket (a late no-show
// put back in line and called again).
// Point 14: a rating tablet opened or reloaded after the finish asks the host for its counter's
// last finished ticket: one index step instead of a walk over the day's tickets.
export const m016SkipAfterRecall = `
ALTER TABLE tickets ADD COLUMN recalled_at INTEGER;
CREATE INDEX tickets_done_at_counter ON tickets(counter_id, finished_at) WHERE state = 'done';
`;
