import { BellRing } from 'lucide-react';
import { useState } from 'react';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { fmt, useLang } from '../i18n';

/** This kiosk's call for a person, if any: asked, or answered by whoever is coming. */
export function useKioskHelp() {
  return useQuery('kioskHelp', {}, (m) => m.type === 'help.changed');
}

/** "Gọi nhân viên hỗ trợ" in the accessibility panel (#31): the counters see it at once. */
export function CallStaffButton({ help }: { help: ReturnType<typeof useKioskHelp> }) {
  const { t } = useLang();
  const [failed, setFailed] = useState(false);
  const pending = help.data && help.data.answeredAt === null;
  return (
    <>
      <button
        type="button"
        className={`a11y-toggle call-staff${pending ? ' on' : ''}`}
        aria-pressed={!!pending}
        data-testid="call-staff"
        onClick={() =>
          void call('callStaff')
            .then((v) => {
              setFailed(false);
              help.push(v);
            })
            .catch(() => setFailed(true))
        }
      >
        <BellRing aria-hidden="true" size={44} />
        <span className="what">{t.helpCall}</span>
        <span className="state">{pending ? t.helpAsked : ''}</span>
      </button>
      {failed && <div className="error-banner">{t.helpFailed}</div>}
    </>
  );
}

/** Shown on the kiosk while a call is open: that someone was told, then who is coming. */
export function CallStaffStatus({ help }: { help: ReturnType<typeof useKioskHelp> }) {
  const { t } = useLang();
  const h = help.data;
  if (!h) return null;
  return (
    <div className="help-status" role="status" data-testid="help-status">
      <BellRing aria-hidden="true" size={36} />
      <span>{h.answeredAt === null ? t.helpWaiting : fmt(t.helpComing, { who: h.answeredBy ?? '' })}</span>
    </div>
  );
}
