import { useState } from 'react';
import { EXTRA_LETTERS, toneLastWord } from '../../shared/vietnameseTone';
import type { Tone } from '../../shared/vietnameseTone';
import { fmt, useLang } from '../i18n';

const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const TONES: { tone: Tone; label: string; name: string }[] = [
  { tone: 'sac', label: 'á', name: 'sắc' },
  { tone: 'huyen', label: 'à', name: 'huyền' },
  { tone: 'hoi', label: 'ả', name: 'hỏi' },
  { tone: 'nga', label: 'ã', name: 'ngã' },
  { tone: 'nang', label: 'ạ', name: 'nặng' },
  { tone: 'none', label: 'a', name: 'bỏ dấu' },
];

/**
 * In-app keyboard for touchscreens (system on-screen keyboards do not open reliably under
 * Electron kiosk mode): letters, ă â đ ê ô ơ ư, and tone keys that put the tone on the right vowel
 * of the word just typed.
 */
export function VietnameseKeyboard({ value, onChange, maxLength = 500 }: { value: string; onChange: (v: string) => void; maxLength?: number }) {
  const { t } = useLang();
  const [caps, setCaps] = useState(false);
  const type = (ch: string) => {
    if (value.length >= maxLength) return;
    onChange(value + (caps ? ch.toUpperCase() : ch));
    if (caps) setCaps(false);
  };
  return (
    <div className="vn-keyboard" role="group" aria-label={t.kbLabel}>
      {ROWS.map((row) => (
        <div className="row" key={row}>
          {[...row].map((ch) => (
            <button type="button" key={ch} onClick={() => type(ch)}>
              {caps ? ch.toUpperCase() : ch}
            </button>
          ))}
        </div>
      ))}
      <div className="row">
        {EXTRA_LETTERS.map((ch) => (
          <button type="button" key={ch} onClick={() => type(ch)}>
            {caps ? ch.toUpperCase() : ch}
          </button>
        ))}
      </div>
      <div className="row" title={t.keyboardHint}>
        {TONES.map((x) => (
          <button type="button" className="tone" key={x.tone} aria-label={fmt(t.kbTone, { name: x.name })} onClick={() => onChange(toneLastWord(value, x.tone))}>
            {x.label} <small>{x.name}</small>
          </button>
        ))}
      </div>
      <div className="row">
        <button type="button" onClick={() => setCaps(!caps)} aria-pressed={caps}>
          {caps ? 'abc' : 'ABC'}
        </button>
        <button type="button" onClick={() => type(',')}>,</button>
        <button type="button" className="wide" onClick={() => type(' ')} aria-label={t.kbSpace}>
          {t.kbSpace}
        </button>
        <button type="button" onClick={() => type('.')}>.</button>
        <button type="button" onClick={() => onChange(value.slice(0, -1))} aria-label={t.keyBackspace}>
          ← {t.keyBackspace}
        </button>
      </div>
    </div>
  );
}
