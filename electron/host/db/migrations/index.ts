import { m001Initial } from './m001_initial';
import { m002ReportRollups } from './m002_report_rollups';
import { m003TicketExpired } from './m003_ticket_expired';

/** Ordered; migration i brings the database to user_version i + 1. Never edit a landed one. */
export const migrations: readonly string[] = [m001Initial, m002ReportRollups, m003TicketExpired];
