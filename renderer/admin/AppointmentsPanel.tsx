import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { useActionError, useQuery } from '../api/hooks';
import { errorText, fmt, useLang } from '../i18n';
import { appointmentsText } from '../i18nAppointments';
import { formatClock } from '../time';
import { DayField } from '../reports/DayField';
import { AppointmentWindowForm } from './AppointmentWindowForm';
import type { AppointmentRule } from '../../shared/bookingProtocol';
import { formatBookingCode } from '../../shared/bookingProtocol';
import type { BookingView } from '../../shared/api/appointmentSchemas';
import '../styles/appointments.css';

/** Today on the office's clock (Hà Nội, as every time on screen), YYYY-MM-DD. */
const todayIso = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(Date.now());
const DEFAULT_RULE = { enabled: true, slotMinutes: 15, capacity: 2, daysAhead: 14, hubShare: 1 };
const bookingEvent = (m: { type: string }) => m.type.startsWith('booking.') || m.type === 'config.changed';

/** Quản trị → Lịch hẹn (#30): each service's rule, booking for a caller, the day's bookings, a CSV import. */
export function AppointmentsPanel() {
  const { lang } = useLang();
  const a = appointmentsText(lang);
  const [day, setDay] = useState(todayIso);
  const bookings = useQuery('bookingsOfDay', { query: { day } }, bookingEvent);
  // One read of the rules for the editor and the booking form: a rule saved is bookable at once.
  const rules = useQuery('appointmentRules', {});
  return (
    <div className="admin-stack" data-testid="appointments-panel">
      <RulesEditor rules={rules.data ?? []} onSaved={rules.reload} />
      <AppointmentWindowForm />
      <div className="admin-two">
        <BookForCaller rules={rules.data ?? []} onBooked={(d) => (d === day ? bookings.reload() : undefined)} />
        <ImportBookings onImported={bookings.reload} />
      </div>
      <section className="panel admin-form" data-testid="bookings-of-day">
        <h2>{a.listTitle}</h2>
        {/* dd/mm/yyyy as offices write it, whatever the PC's language (a native date field is not). */}
        <div className="field" data-field="list-day">
          <DayField label={a.day} value={day} onChange={setDay} />
        </div>
        <BookingTable rows={bookings.data ?? []} onChanged={bookings.reload} />
      </section>
    </div>
  );
}

function RulesEditor({ rules, onSaved }: { rules: AppointmentRule[]; onSaved: () => void }) {
  const { lang, pick } = useLang();
  const a = appointmentsText(lang);
  const services = useQuery('listServices', {}, (m) => m.type === 'config.changed');
  const [drafts, setDrafts] = useState<Record<number, Omit<AppointmentRule, 'serviceId'>>>({});
  const [note, setNote] = useState<string | null>(null);
  const failure = useActionError();
  const ruleOf = (id: number) => drafts[id] ?? rules.find((r) => r.serviceId === id) ?? { ...DEFAULT_RULE, enabled: false };
  const set = (id: number, patch: Partial<AppointmentRule>) => setDrafts({ ...drafts, [id]: { ...ruleOf(id), ...patch } });
  const save = async (id: number, name: string) => {
    failure.clear();
    try {
      const { serviceId: _, ...rest } = { serviceId: id, ...ruleOf(id) };
      await call('saveAppointmentRule', { body: { serviceId: id, ...rest } });
      const { [id]: _saved, ...others } = drafts;
      setDrafts(others);
      onSaved();
      setNote(fmt(a.saved, { service: name }));
    } catch (e) {
      failure.show(e);
    }
  };
  const num = (v: string) => Math.round(Number(v));
  return (
    <section className="panel admin-form" data-testid="appointment-rules">
      <h2>{a.rulesTitle}</h2>
      <p className="form-intro">{a.rulesIntro}</p>
      {failure.error && <div className="error-banner" role="alert">{errorText(failure.error, lang)}</div>}
      {note && <div className="form-note" role="status">{note}</div>}
      <div className="report-table">
        <table>
          <thead>
            <tr>
              <th>{a.service}</th>
              <th>{a.enabled}</th>
              <th>{a.slotMinutes}</th>
              <th>{a.capacity}</th>
              <th>{a.daysAhead}</th>
              <th>{a.hubShare}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(services.data ?? [])
              .filter((s) => s.active)
              .map((s) => {
                const r = ruleOf(s.id);
                const name = pick(s.nameVi, s.nameEn);
                return (
                  <tr key={s.id} data-rule={s.code}>
                    <td>
                      {s.prefix} · {name}
                    </td>
                    <td>
                      <input type="checkbox" checked={r.enabled} onChange={(e) => set(s.id, { enabled: e.target.checked })} data-field="enabled" aria-label={a.enabled} />
                    </td>
                    <td>
                      <input type="number" min={5} max={240} value={r.slotMinutes} onChange={(e) => set(s.id, { slotMinutes: num(e.target.value) })} data-field="slotMinutes" aria-label={a.slotMinutes} />
                    </td>
                    <td>
                      <input type="number" min={1} max={100} value={r.capacity} onChange={(e) => set(s.id, { capacity: num(e.target.value) })} data-field="capacity" aria-label={a.capacity} />
                    </td>
                    <td>
                      <input type="number" min={1} max={90} value={r.daysAhead} onChange={(e) => set(s.id, { daysAhead: num(e.target.value) })} data-field="daysAhead" aria-label={a.daysAhead} />
                    </td>
                    <td>
                      <input type="number" min={0} max={100} value={r.hubShare} onChange={(e) => set(s.id, { hubShare: num(e.target.value) })} data-field="hubShare" aria-label={a.hubShare} />
                    </td>
                    <td>
                      <button type="button" className={drafts[s.id] ? 'btn-primary' : 'btn-secondary'} onClick={() => void save(s.id, name)} data-action="save-rule">
                        {a.save}
                      </button>
                    </td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function BookForCaller({ rules, onBooked }: { rules: AppointmentRule[]; onBooked: (day: string) => void }) {
  const { lang, pick } = useLang();
  const a = appointmentsText(lang);
  const services = useQuery('listServices', {}, (m) => m.type === 'config.changed');
  const bookable = (services.data ?? []).filter((s) => s.active && rules.some((r) => r.serviceId === s.id && r.enabled));
  const [serviceId, setServiceId] = useState<number | null>(null);
  const [day, setDay] = useState(todayIso);
  const [slot, setSlot] = useState<number | null>(null);
  const [idNumber, setIdNumber] = useState('');
  const [made, setMade] = useState<BookingView | null>(null);
  const failure = useActionError();
  const chosen = serviceId ?? bookable[0]?.id ?? null;
  const slots = useQuery('appointmentSlots', { query: { serviceId: chosen ?? 0, day } }, bookingEvent);
  const free = (chosen === null ? [] : (slots.data ?? [])).filter((s) => s.free > 0);
  useEffect(() => setSlot(null), [chosen, day]);
  const chosenSlot = slot ?? free[0]?.start ?? null;
  const book = async () => {
    if (chosen === null || chosenSlot === null) return;
    failure.clear();
    try {
      const b = await call('createBooking', { body: { serviceId: chosen, slotStart: chosenSlot, idNumber: idNumber.trim() || null } });
      setMade(b);
      setIdNumber('');
      slots.reload();
      onBooked(day);
    } catch (e) {
      failure.show(e);
    }
  };
  const serviceName = (id: number) => {
    const s = services.data?.find((x) => x.id === id);
    return s ? pick(s.nameVi, s.nameEn) : String(id);
  };
  return (
    <section className="panel admin-form" data-testid="book-for-caller">
      <h2>{a.bookTitle}</h2>
      <p className="form-intro">{a.bookIntro}</p>
      {failure.error && <div className="error-banner" role="alert" data-testid="book-error">{errorText(failure.error, lang)}</div>}
      <label className="field">
        <span>{a.service}</span>
        <select value={chosen ?? ''} onChange={(e) => setServiceId(Number(e.target.value))} data-field="book-service">
          {bookable.map((s) => (
            <option key={s.id} value={s.id}>
              {s.prefix} · {pick(s.nameVi, s.nameEn)}
            </option>
          ))}
        </select>
      </label>
      <div className="field" data-field="book-day">
        <DayField label={a.day} value={day} onChange={setDay} />
      </div>
      <label className="field">
        <span>{a.slot}</span>
        {free.length === 0 ? (
          <em data-testid="no-slots">{a.noSlots}</em>
        ) : (
          <select value={chosenSlot ?? ''} onChange={(e) => setSlot(Number(e.target.value))} data-field="book-slot">
            {free.map((s) => (
              <option key={s.start} value={s.start}>
                {fmt(a.slotFree, { time: formatClock(s.start), free: s.free, capacity: s.capacity })}
              </option>
            ))}
          </select>
        )}
      </label>
      <label className="field">
        <span>{a.idNumber}</span>
        <input value={idNumber} onChange={(e) => setIdNumber(e.target.value.replace(/\D/g, '').slice(0, 12))} inputMode="numeric" autoComplete="off" data-field="book-id" />
      </label>
      <div className="form-actions">
        <button type="button" className="btn-primary" disabled={chosenSlot === null} onClick={() => void book()} data-action="book">
          {a.book}
        </button>
      </div>
      {made && (
        <div className="booking-made" role="status" data-testid="booking-made">
          <div>{a.booked}</div>
          <div className="booking-code" data-testid="booking-code">
            {formatBookingCode(made.code)}
          </div>
          <div>{fmt(a.bookedFor, { service: serviceName(made.serviceId), when: `${formatClock(made.slotStart)} · ${new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }).format(made.slotStart)}` })}</div>
          <button type="button" className="btn-secondary" onClick={() => window.print()} data-action="print-booking">
            {a.print}
          </button>
        </div>
      )}
    </section>
  );
}

function BookingTable({ rows, onChanged }: { rows: BookingView[]; onChanged: () => void }) {
  const { lang, pick } = useLang();
  const a = appointmentsText(lang);
  const services = useQuery('listServices', {}, (m) => m.type === 'config.changed');
  const failure = useActionError();
  const [note, setNote] = useState<string | null>(null);
  const act = async (what: 'cancel' | 'undo', code: string) => {
    failure.clear();
    try {
      if (what === 'cancel') await call('cancelBookingStaff', { params: { code } });
      else await call('undoBookingCheckin', { params: { code } });
      setNote(fmt(what === 'cancel' ? a.cancelled : a.undone, { code: formatBookingCode(code) }));
      onChanged();
    } catch (e) {
      failure.show(e);
    }
  };
  if (rows.length === 0) return <p className="form-intro">{a.none}</p>;
  return (
    <>
      {failure.error && <div className="error-banner" role="alert">{errorText(failure.error, lang)}</div>}
      {note && <div className="form-note" role="status" data-testid="booking-note">{note}</div>}
      <div className="report-table">
        <table>
          <thead>
            <tr>
              <th>{a.time}</th>
              <th>{a.service}</th>
              <th>{a.code}</th>
              <th>{a.state}</th>
              <th>{a.ticket}</th>
              <th>{a.source}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => {
              const s = services.data?.find((x) => x.id === b.serviceId);
              return (
                <tr key={b.code} data-booking={b.code} data-state={b.state}>
                  <td>{formatClock(b.slotStart)}</td>
                  <td>{s ? pick(s.nameVi, s.nameEn) : b.serviceId}</td>
                  <td className="mono">{formatBookingCode(b.code)}</td>
                  <td>
                    {a.states[b.state]}
                    {b.late ? ` (${a.late})` : ''}
                  </td>
                  <td>{b.ticketNumber ?? ''}</td>
                  <td>{b.source === 'hub' ? a.sourceHub : a.sourceOffice}</td>
                  <td>
                    {b.state === 'booked' && (
                      <button type="button" className="btn-secondary" onClick={() => void act('cancel', b.code)} data-action="cancel-booking">
                        {a.cancel}
                      </button>
                    )}
                    {b.state === 'checkedIn' && (
                      <button type="button" className="btn-secondary" onClick={() => void act('undo', b.code)} data-action="undo-checkin">
                        {a.undo}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ImportBookings({ onImported }: { onImported: () => void }) {
  const { lang } = useLang();
  const a = appointmentsText(lang);
  const [csv, setCsv] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [problems, setProblems] = useState<{ line: number; message: string }[]>([]);
  const failure = useActionError();
  const run = async () => {
    failure.clear();
    setProblems([]);
    setNote(null);
    try {
      const r = await call('importBookings', { body: { csv } });
      setNote(fmt(a.imported, { n: r.imported }));
      setCsv('');
      onImported();
    } catch (e) {
      const details = (e as { details?: { problems?: { line: number; message: string }[] } }).details;
      setProblems(details?.problems ?? []);
      failure.show(e);
    }
  };
  return (
    <section className="panel admin-form" data-testid="import-bookings">
      <h2>{a.importTitle}</h2>
      <p className="form-intro">{a.importIntro}</p>
      {failure.error && <div className="error-banner" role="alert">{errorText(failure.error, lang)}</div>}
      {problems.length > 0 && (
        <ul className="import-problems" data-testid="import-problems">
          {problems.map((p) => (
            <li key={p.line}>{fmt(a.importLine, p)}</li>
          ))}
        </ul>
      )}
      {note && <div className="form-note" role="status">{note}</div>}
      <label className="field">
        <span>{a.importFile}</span>
        <input type="file" accept=".csv,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)} data-field="import-file" />
      </label>
      <textarea value={csv} onChange={(e) => setCsv(e.target.value)} rows={4} spellCheck={false} data-field="import-csv" placeholder={a.importExample} />
      <div className="form-actions">
        <button type="button" className="btn-primary" disabled={csv.trim() === ''} onClick={() => void run()} data-action="import-bookings">
          {a.importRun}
        </button>
      </div>
    </section>
  );
}
