/**
 * The public pages' top bar: the page's title and the switch to the other language, named in it.
 * The language is the page's own state (useBookLang), so the page hands it in.
 */
export function BookHeader({ title, lang, switchLabel, onSwitch }: { title: string; lang: 'vi' | 'en'; switchLabel: string; onSwitch: () => void }) {
  return (
    <header className="bk-top">
      <h1>{title}</h1>
      <button type="button" className="bk-lang" onClick={onSwitch} lang={lang === 'vi' ? 'en' : 'vi'}>
        {switchLabel}
      </button>
    </header>
  );
}
