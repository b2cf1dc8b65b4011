import { useEffect, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { normalizeIdNumber, normalizePhone } from '../../shared/bookingInput';
import type { PublicBooking, PublicOffice, PublicOfficeOffer, PublicSlot } from '../../shared/hubBooking';
import { bookVi } from '../i18nBook';
import { bookApi, refusalText } from './bookApi';
import { BookingCard } from './BookingCard';
import { dayOf, fill, timeOf } from './format';
import { BookHeader } from './BookHeader';
import { useBookLang } from './useBookLang';

type Step = { at: 'office' } | { at: 'service'; office: PublicOfficeOffer } | { at: 'day'; office: PublicOfficeOffer; service: number } | { at: 'slot'; office: PublicOfficeOffer; service: number; day: string; slots: PublicSlot[] } | { at: 'details'; office: PublicOfficeOffer; service: number; day: string; slot: PublicSlot };

/**
 * The citizen's booking page (no sign-in): office → procedure → day → time → optional phone and ID
 * number → the code, its QR and the time; or find a booking by code and cancel it. Each step reads
 * only what it shows, so a slow link carries little.
 */
export function BookApp() {
  const { t, lang, toggle, pick } = useBookLang();
  const [tab, setTab] = useState<'book' | 'find'>('book');
  const [step, setStep] = useState<Step>({ at: 'office' });
  const [offices, setOffices] = useState<PublicOffice[] | null>(null);
  const [booking, setBooking] = useState<PublicBooking | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = t.title;
  }, [t]);
  useEffect(() => {
    // Once, at load: the list of offices does not follow the language.
    bookApi<{ offices: PublicOffice[] }>('offices').then((r) => setOffices(r.offices), (e: unknown) => setError(refusalText(e, 'vi', bookVi.networkError)));
  }, []);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(refusalText(e, lang, t.networkError));
    } finally {
      setBusy(false);
    }
  };
  const back = () => {
    setError(null);
    if (step.at === 'service') setStep({ at: 'office' });
    else if (step.at === 'day') setStep({ at: 'service', office: step.office });
    else if (step.at === 'slot') setStep({ at: 'day', office: step.office, service: step.service });
    else if (step.at === 'details') void run(async () => setStep({ at: 'slot', office: step.office, service: step.service, day: step.day, slots: await slotsOf(step.office, step.service, step.day) }));
  };
  const slotsOf = async (office: PublicOfficeOffer, service: number, day: string) =>
    (await bookApi<{ slots: PublicSlot[] }>(`slots?office=${encodeURIComponent(office.office.id)}&service=${service}&day=${day}`)).slots;
  const serviceOf = (office: PublicOfficeOffer, id: number) => office.services.find((s) => s.id === id);

  let body: ReactNode;
  if (booking) {
    body = (
      <>
        <BookingCard booking={booking} t={t} lang={lang} pick={pick} onChange={setBooking} />
        <button type="button" className="bk-secondary bk-wide" onClick={() => { setBooking(null); setStep({ at: 'office' }); setTab('book'); }}>
          {t.bookAnother}
        </button>
      </>
    );
  } else if (tab === 'find') {
    body = <FindBooking t={t} lang={lang} onFound={setBooking} />;
  } else if (step.at === 'office') {
    body = (
      <Choices title={t.stepOffice} empty={offices && offices.length === 0 ? t.noOffices : offices ? null : t.loading}>
        {offices?.map((o) => (
          <button key={o.id} type="button" className="bk-choice" disabled={busy} onClick={() => void run(async () => setStep({ at: 'service', office: await bookApi<PublicOfficeOffer>(`office?id=${encodeURIComponent(o.id)}`) }))}>
            {o.name}
          </button>
        ))}
      </Choices>
    );
  } else if (step.at === 'service') {
    body = (
      <Choices title={t.stepService} lead={step.office.office.name} empty={step.office.services.length === 0 ? t.noDays : null}>
        {step.office.services.map((s) => (
          <button key={s.id} type="button" className="bk-choice" onClick={() => setStep({ at: 'day', office: step.office, service: s.id })}>
            {pick(s.nameVi, s.nameEn)}
          </button>
        ))}
      </Choices>
    );
  } else if (step.at === 'day') {
    const service = serviceOf(step.office, step.service);
    body = (
      <Choices title={t.stepDay} lead={service ? pick(service.nameVi, service.nameEn) : ''} empty={service?.days.length ? null : t.noDays}>
        {service?.days.map((d) => (
          <button key={d.day} type="button" className="bk-choice bk-split" disabled={busy || d.left === 0} onClick={() => void run(async () => setStep({ at: 'slot', office: step.office, service: step.service, day: d.day, slots: await slotsOf(step.office, step.service, d.day) }))}>
            <span>{dayOf(d.day, lang)}</span>
            <small>{d.left > 0 ? fill(t.placesLeft, { n: d.left }) : t.full}</small>
          </button>
        ))}
      </Choices>
    );
  } else if (step.at === 'slot') {
    body = (
      <Choices title={t.stepSlot} lead={dayOf(step.day, lang)} grid>
        {step.slots.map((s) => (
          <button key={s.start} type="button" className="bk-choice bk-time" disabled={s.left === 0} onClick={() => setStep({ at: 'details', office: step.office, service: step.service, day: step.day, slot: s })}>
            <b>{timeOf(s.start, step.office.office.timeZone, lang)}</b>
            <small>{s.left > 0 ? fill(t.placesLeft, { n: s.left }) : t.full}</small>
          </button>
        ))}
      </Choices>
    );
  } else {
    const service = serviceOf(step.office, step.service);
    body = (
      <Details
        t={t}
        busy={busy}
        summary={`${timeOf(step.slot.start, step.office.office.timeZone, lang)} · ${dayOf(step.day, lang)} — ${service ? pick(service.nameVi, service.nameEn) : ''}, ${step.office.office.name}`}
        onSubmit={(phone, idNumber) => void run(async () => setBooking(await bookApi<PublicBooking>('bookings', { office: step.office.office.id, service: step.service, start: step.slot.start, ...(phone ? { phone } : {}), ...(idNumber ? { idNumber } : {}) })))}
      />
    );
  }

  return (
    <div className="bk-app">
      <BookHeader title={t.title} lang={lang} switchLabel={t.language} onSwitch={toggle} />
      <nav className="bk-tabs">
        <button type="button" aria-pressed={tab === 'book' && !booking} onClick={() => { setBooking(null); setTab('book'); setError(null); }}>
          {t.tabBook}
        </button>
        <button type="button" aria-pressed={tab === 'find' && !booking} onClick={() => { setBooking(null); setTab('find'); setError(null); }}>
          {t.tabFind}
        </button>
      </nav>
      <main className="bk-main">
        {!booking && tab === 'book' && step.at !== 'office' && (
          <button type="button" className="bk-back" onClick={back} disabled={busy}>
            {t.back}
          </button>
        )}
        {body}
        {error && (
          <p className="bk-error" role="alert" data-testid="book-error">
            {error}
          </p>
        )}
        <p className="bk-privacy">{t.privacy}</p>
      </main>
    </div>
  );
}

function Choices({ title, lead, empty, grid, children }: { title: string; lead?: string; empty?: string | null; grid?: boolean; children: ReactNode }) {
  return (
    <section className="bk-card">
      <h2>{title}</h2>
      {lead && <p className="bk-lead">{lead}</p>}
      {empty ? <p className="bk-hint">{empty}</p> : <div className={grid ? 'bk-grid' : 'bk-list'}>{children}</div>}
    </section>
  );
}

function Details({ t, busy, summary, onSubmit }: { t: ReturnType<typeof useBookLang>['t']; busy: boolean; summary: string; onSubmit: (phone: string | null, idNumber: string | null) => void }) {
  const [phone, setPhone] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = phone.trim() ? normalizePhone(phone) : null;
    const n = idNumber.trim() ? normalizeIdNumber(idNumber) : null;
    if (phone.trim() && !p) return setProblem(t.badPhone);
    if (idNumber.trim() && !n) return setProblem(t.badId);
    setProblem(null);
    onSubmit(p, n);
  };
  return (
    <form className="bk-card bk-form" onSubmit={submit}>
      <h2>{t.stepDetails}</h2>
      <p className="bk-lead" data-testid="book-summary">
        {summary}
      </p>
      <label>
        {t.phone}
        <input type="tel" inputMode="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={20} />
        <small>{t.phoneHint}</small>
      </label>
      <label>
        {t.idNumber}
        <input inputMode="numeric" autoComplete="off" value={idNumber} onChange={(e) => setIdNumber(e.target.value)} maxLength={14} />
        <small>{t.idHint}</small>
      </label>
      {problem && (
        <p className="bk-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="bk-primary bk-wide" disabled={busy}>
        {busy ? t.booking : t.confirm}
      </button>
    </form>
  );
}

function FindBooking({ t, lang, onFound }: { t: ReturnType<typeof useBookLang>['t']; lang: 'vi' | 'en'; onFound: (b: PublicBooking) => void }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const bare = code.toUpperCase().replace(/[\s\-.]/g, '');
    if (!/^(LH)?[A-Z0-9]{8}$/.test(bare)) return setProblem(t.badCode);
    setBusy(true);
    setProblem(null);
    try {
      onFound(await bookApi<PublicBooking>('bookings/find', { code }));
    } catch (err) {
      setProblem(refusalText(err, lang, t.networkError));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="bk-card bk-form" onSubmit={(e) => void submit(e)}>
      <h2>{t.tabFind}</h2>
      <label>
        {t.findCode}
        <input value={code} onChange={(e) => setCode(e.target.value)} autoCapitalize="characters" autoComplete="off" maxLength={20} data-testid="find-code" />
      </label>
      {problem && (
        <p className="bk-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="bk-primary bk-wide" disabled={busy}>
        {t.find}
      </button>
    </form>
  );
}
