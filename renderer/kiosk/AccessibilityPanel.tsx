import { Accessibility, Contrast, Minus, Plus, Repeat, Square, Type, Volume2 } from 'lucide-react';
import { useState } from 'react';
import { useLang } from '../i18n';
import { CallStaffButton } from './CallStaff';
import type { useKioskHelp } from './CallStaff';
import { VOLUME_STEPS } from './guidancePlayer';
import type { SpokenGuidance } from './useSpokenGuidance';

export interface KioskAccess {
  largeText: boolean;
  highContrast: boolean;
  /** Spoken guidance: every step read aloud (the citizen's own choice, never an office default). */
  speech?: boolean;
}

/**
 * The kiosk's accessibility button (#31): always in the same corner, on every step, in the
 * international symbol and words; one tap opens large text and high contrast, one tap each, and a
 * call for a person, and spoken guidance with its own controls (hear again, stop, volume), which
 * stay on the kiosk's footer while speech is on. The choice lasts for this citizen: the kiosk
 * returns to the office's defaults when it resets.
 */
export function AccessibilityPanel({ access, onChange, help, guidance }: { access: KioskAccess; onChange: (a: KioskAccess) => void; help: ReturnType<typeof useKioskHelp>; guidance: SpokenGuidance }) {
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
          {toggle(t.a11ySpeech, access.speech === true, <Volume2 aria-hidden="true" size={44} />, () => onChange({ ...access, speech: !access.speech }), 'a11y-speech')}
          {access.speech && <SpeechControls guidance={guidance} />}
          <CallStaffButton help={help} />
          <button type="button" className="btn-primary a11y-close" onClick={() => setOpen(false)}>
            {t.a11yClose}
          </button>
        </div>
      )}
    </>
  );
}

/** Hear again, stop, and the volume: large buttons, in the panel while it is open. */
function SpeechControls({ guidance }: { guidance: SpokenGuidance }) {
  const { t } = useLang();
  const top = VOLUME_STEPS.length - 1;
  return (
    <div className="a11y-speech" role="group" aria-label={t.a11ySpeech} data-testid="a11y-speech-controls">
      <button type="button" className="btn-secondary" onClick={guidance.repeat} data-testid="a11y-repeat">
        <Repeat aria-hidden="true" size={32} /> {t.a11yRepeat}
      </button>
      <button type="button" className="btn-secondary" onClick={guidance.stop} data-testid="a11y-stop">
        <Square aria-hidden="true" size={28} /> {t.a11yStop}
      </button>
      <div className="a11y-volume" role="group" aria-label={t.a11yVolume}>
        <button type="button" className="btn-secondary" aria-label={t.a11yQuieter} disabled={guidance.volumeStep <= 0} onClick={() => guidance.setVolumeStep(guidance.volumeStep - 1)} data-testid="a11y-quieter">
          <Minus aria-hidden="true" size={32} />
        </button>
        <meter min={0} max={top} value={guidance.volumeStep} aria-label={t.a11yVolume} data-testid="a11y-volume" />
        <button type="button" className="btn-secondary" aria-label={t.a11yLouder} disabled={guidance.volumeStep >= top} onClick={() => guidance.setVolumeStep(guidance.volumeStep + 1)} data-testid="a11y-louder">
          <Plus aria-hidden="true" size={32} />
        </button>
      </div>
    </div>
  );
}
