import { useRef, useState } from 'react';
import { call } from '../api/client';
import { errorText, useLang } from '../i18n';
import { VietnameseKeyboard } from './VietnameseKeyboard';

const HOLD_MS = 3000;

/**
 * The way out of a locked-down kiosk for staff: hold the top-left corner for 3 seconds, then give
 * the admin password. Only shown inside the desktop shell (a browser tab can simply be closed).
 */
export function AdminExit() {
  const { t, lang } = useLang();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  if (!window.motcua?.exitApp) return null;
  const start = () => {
    timer.current = setTimeout(() => setOpen(true), HOLD_MS);
  };
  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
  };
  return (
    <>
      <div aria-hidden="true" style={{ position: 'fixed', left: 0, top: 0, width: 80, height: 80, zIndex: 20 }} onPointerDown={start} onPointerUp={cancel} onPointerLeave={cancel} />
      {open && (
        <div className="modal-back" role="dialog" aria-modal="true">
          <div className="modal">
            <h3>{t.exitKioskTitle}</h3>
            <div className="comment-box">{'•'.repeat(password.length) || t.admPassword}</div>
            <VietnameseKeyboard value={password} onChange={setPassword} maxLength={100} />
            {error && <div className="error-banner">{error}</div>}
            <div style={{ display: 'flex', gap: 12 }}>
              <button
                type="button"
                className="btn-danger"
                onClick={() =>
                  call('adminLogin', { body: { password } })
                    .then(() => window.motcua?.exitApp?.())
                    .catch((e: unknown) => setError(errorText(e, lang)))
                }
              >
                {t.exitKiosk}
              </button>
              <button type="button" className="btn-secondary" onClick={() => { setOpen(false); setPassword(''); }}>
                {t.cancel}
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
