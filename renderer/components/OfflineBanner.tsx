import { useConnection } from '../api/hooks';
import { useLang } from '../i18n';

export function OfflineBanner() {
  const state = useConnection();
  const { t } = useLang();
  if (state !== 'offline') return null;
  return (
    <div className="offline-banner" role="alert" data-testid="offline">
      {t.offline}
    </div>
  );
}
