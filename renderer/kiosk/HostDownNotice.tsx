import { useLang } from '../i18n';

/**
 * What the kiosk says, large, while the host does not answer: numbers are paused, not broken, and
 * whom to ask. It takes the place of anything a citizen could tap in vain.
 */
export function HostDownNotice() {
  const { t } = useLang();
  return (
    <div className="host-down" role="alert" data-testid="host-down">
      <div className="spinner" aria-hidden="true" />
      <div className="title">{t.hostDownTitle}</div>
      <div className="body">{t.hostDownBody}</div>
    </div>
  );
}
