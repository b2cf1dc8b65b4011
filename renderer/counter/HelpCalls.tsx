import { BellRing } from 'lucide-react';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { fmt, useLang } from '../i18n';
import { useNow } from '../useNow';

/**
 * Kiosks whose citizen pressed "Gọi nhân viên hỗ trợ" (#31), on every counter until one officer
 * says they are going; then it leaves every counter's screen and the kiosk says who is coming.
 */
export function HelpCalls() {
  const { t } = useLang();
  const now = useNow(15_000);
  const calls = useQuery('helpRequests', {}, (m) => m.type === 'help.changed');
  if (!calls.data || calls.data.length === 0) return null;
  return (
    <div className="help-calls" role="alert" data-testid="help-calls">
      {calls.data.map((c) => (
        <div key={c.id} className="help-call" data-help-id={c.id}>
          <BellRing aria-hidden="true" size={30} />
          <span className="what">{fmt(t.helpCallAt, { kiosk: c.kioskName, minutes: Math.max(0, Math.floor((now - c.requestedAt) / 60_000)) })}</span>
          <button type="button" className="btn-primary" onClick={() => void call('answerHelp', { params: { id: c.id } }).then(calls.reload, calls.reload)}>
            {t.helpGoing}
          </button>
        </div>
      ))}
    </div>
  );
}
