// The province's report of bookings from home (#30): per office and procedure over a period of the
// slots' business days, what became of the bookings and how much of the offered capacity they used.
// Pure: the hub computes it, the reports page and the XLSX show it.

export interface BookingFigures {
  /** Bookings made for a slot in the period, whatever became of them. */
  made: number;
  checkedIn: number;
  /** Of those checked in, past their window: they got an ordinary ticket. */
  late: number;
  missed: number;
  cancelled: number;
  /** Still booked: slots to come, or not yet settled by the office. */
  booked: number;
  /** Places the office gave the hub in the period's slots, and how many bookings stand in them. */
  capacity: number;
  taken: number;
}

export interface BookingReportRow extends BookingFigures {
  officeId: string;
  officeName: string;
  serviceId: number;
  serviceVi: string;
  serviceEn: string;
}

export interface BookingReport {
  query: { from: string; to: string; offices: string[] | null };
  rows: BookingReportRow[];
  totals: BookingFigures;
}

/** Share of the offered places booked, in percent to one decimal; null when nothing was offered. */
export const slotUse = (f: BookingFigures): number | null => (f.capacity > 0 ? Math.round((f.taken / f.capacity) * 1000) / 10 : null);
