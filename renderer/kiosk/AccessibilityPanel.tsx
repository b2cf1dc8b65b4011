import { Accessibility, Contrast, Type } from 'lucide-react';
import { useState } from 'react';
import { useLang } from '../i18n';
import { CallStaffButton } from './CallStaff';
import type { useKioskHelp } from './CallStaff';

export interface KioskAccess {
  largeText: boolean;
  highContrast: boolean;
}

/**
 * The kiosk's accessibility button (#31): always in the same corner, on every step, in the
 * international symbol and words; one tap opens large text and high contrast, one tap each, and a
 * call for a person. The
 * choice lasts for this citizen: the kiosk returns to the office's defaults when it resets.
 */
export function AccessibilityPanel({ access, onChange, help }: { access: KioskAccess; onChange: (a: KioskAccess) => void; help: ReturnType<typeof useKioskHelp> }) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  const toggle = (label: string, on: boolean, icon: React.ReactNode, flip: () => void, testId: string) => (
    <button type="button" className={`a11y-toggle${on ? ' on' : ''}`} aria-pressed={on} onClick={flip} data-testid={testId}>
      {icon}
      <span className="what">{label}</span>
      <span className="state">{on ? t.a11yOn : t.a11yOff}</span>
    </button>
  );
  return (
    <>
      <button type="button" className="a11y-button" aria-expanded={open} aria-controls="a11y-panel" onClick={() => setOpen(!open)} data-testid="a11y-button">
        <Accessibility aria-hidden="true" size={40} strokeWidth={2.4} />
        <span>{t.a11yButton}</span>
      </button>
      {open && (
        <div className="a11y-panel" id="a11y-panel" role="dialog" aria-modal="false" aria-labelledby="a11y-title" data-testid="a11y-panel">
          <h2 id="a11y-title">{t.a11yTitle}</h2>
          {toggle(t.a11yLarge, access.largeText, <Type aria-hidden="true" size={44} />, () => onChange({ ...access, largeText: !access.largeText }), 'a11y-large')}
          {toggle(t.a11yContrast, access.highContrast, <Contrast aria-hidden="true" size={44} />, () => onChange({ ...access, highContrast: !access.highContrast }), 'a11y-contrast')}
          <CallStaffButton help={help} />
          <button type="button" className="btn-primary a11y-close" onClick={() => setOpen(false)}>
            {t.a11yClose}
          </button>
        </div>
      )}
    </>
  );
}
