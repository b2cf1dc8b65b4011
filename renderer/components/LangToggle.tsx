import { useQuery } from '../api/hooks';
import { useLang } from '../i18n';

/** Vietnamese ⇄ English, shown only when the office offers English. */
export function LangToggle({ className = 'btn-secondary' }: { className?: string }) {
  const { t, lang, setLang } = useLang();
  const config = useQuery('config', {}, (m) => m.type === 'config.changed');
  if (!(config.data?.languages ?? ['vi', 'en']).includes('en')) return null;
  return (
    <button type="button" className={className} onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')} data-testid="lang">
      {t.language}
    </button>
  );
}
