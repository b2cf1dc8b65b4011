// Issue #30: an appointment whose slot has begun heads its service's line (shared/callOrder.ts).
// Every call looks for them, earliest slot first; the partial index holds only the day's few
// waiting appointments, in that order, so the look costs nothing beside a morning line of a
// thousand walk-ins.
export const m023DueAppointments = `
CREATE INDEX tickets_waiting_appointments ON tickets(appointment_at, issue_order) WHERE state = 'waiting' AND appointment_at IS NOT NULL;
`;
