import { useEffect, useState } from 'react';
import { useLang } from '../i18n';

/** 2026-11-23 ⇄ 23/11/2026. */
export const isoToDmy = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1');

export function dmyToIso(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A day typed as dd/mm/yyyy, as offices write it. A browser's own date field shows the order of
 * the PC's language (mm/dd/yyyy on an English Windows), so it is not used here.
 */
export function DayField({ label, value, onChange }: { label: string; value: string; onChange: (iso: string) => void }) {
  const { t } = useLang();
  const [text, setText] = useState(isoToDmy(value));
  useEffect(() => setText(isoToDmy(value)), [value]);
  const iso = dmyToIso(text);
  return (
    <label className="day-field">
      {label}
      <input
        type="text"
        inputMode="numeric"
        placeholder={t.datePlaceholder}
        value={text}
        aria-invalid={iso === null}
        title={iso === null ? t.dateInvalid : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const next = dmyToIso(e.target.value);
          if (next) onChange(next);
        }}
      />
    </label>
  );
}
