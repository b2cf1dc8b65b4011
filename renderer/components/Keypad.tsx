import { useLang } from '../i18n';

export interface KeyGroup {
  keys: string[];
  columns: number;
}

/**
 * Large on-screen keypad for what a ticket carries (its number: a prefix, then digits; its check
 * code). Deleting and clearing are keys of their own, with words on them and their own callbacks,
 * so no letter a number or a code can contain is ever taken for an editing key.
 */
export function Keypad({ groups, onKey, onBackspace, onClear }: { groups: KeyGroup[]; onKey: (k: string) => void; onBackspace: () => void; onClear: () => void }) {
  const { t } = useLang();
  return (
    <div className="keypad-block">
      {groups
        .filter((g) => g.keys.length > 0)
        .map((g, i) => (
          <div key={i} className={`keypad cols-${g.columns}`} style={{ gridTemplateColumns: `repeat(${Math.min(g.columns, g.keys.length)}, minmax(90px, 120px))` }}>
            {g.keys.map((k) => (
              <button type="button" key={k} data-key={k} onClick={() => onKey(k)}>
                {k}
              </button>
            ))}
          </div>
        ))}
      <div className="keypad keypad-actions">
        <button type="button" className="key-action" data-action="backspace" onClick={onBackspace}>
          <span aria-hidden="true">⌫</span> {t.keyBackspace}
        </button>
        <button type="button" className="key-action" data-action="clear" onClick={onClear}>
          {t.keyClear}
        </button>
      </div>
    </div>
  );
}
