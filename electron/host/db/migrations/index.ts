import { m001Initial } from './m001_initial';
import { m002ReportRollups } from './m002_report_rollups';
import { m003TicketExpired } from './m003_ticket_expired';
import { m004CheckCodesPrintJobs } from './m004_check_codes_print_jobs';
import { m005CallingAndEta } from './m005_calling_and_eta';
import { m006Devices } from './m006_devices';
import { m011KioskPrinters } from './m011_kiosk_printers';
import { m009GroupsZones } from './m009_groups_zones';
import { m008IncrementalRollups } from './m008_incremental_rollups';
import { m007LighterEvents } from './m007_lighter_events';
import { m012DeviceZones } from './m012_device_zones';
import { m013DocumentsEn } from './m013_documents_en';
import { m014GuessBudgets } from './m014_guess_budgets';
import { m015DatabaseDamage } from './m015_database_damage';
import { m016SkipAfterRecall } from './m016_skip_after_recall';
import { m019CheckCodePerDay } from './m019_check_code_per_day';
import { m020ProvinceCatalogue } from './m020_province_catalogue';
import { m021CheckinCitizen } from './m021_checkin_citizen';
import { m022Appointments } from './m022_appointments';
import { m023DueAppointments } from './m023_due_appointments';

/**
 * Ordered; migration i brings the database to user_version i + 1. Never edit a landed one. Files are
 * numbered as their tasks were handed out; the array is in landing order (m011, m009, m008, m007, then m012, m013, m014, m015, m019, m016, m020, m021, m022, m023).
 */
export const migrations: readonly string[] = [
  m001Initial, m002ReportRollups, m003TicketExpired, m004CheckCodesPrintJobs, m005CallingAndEta, m006Devices, m011KioskPrinters, m009GroupsZones,
  m008IncrementalRollups, m007LighterEvents, m012DeviceZones, m013DocumentsEn, m014GuessBudgets, m015DatabaseDamage,
  m019CheckCodePerDay, m016SkipAfterRecall, m020ProvinceCatalogue, m021CheckinCitizen, m022Appointments,
  m023DueAppointments,
];
