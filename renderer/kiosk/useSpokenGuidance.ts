import { useEffect, useMemo, useRef, useState } from 'react';
import { guidanceClips, serviceClip } from '../../shared/guidanceClips';
import type { GuidanceLang, GuidanceStep } from '../../shared/guidanceClips';
import type { VoiceScope } from '../../shared/voiceClips';
import { VOLUME_STEPS, createGuidancePlayer } from './guidancePlayer';
import type { GuidancePlayer } from './guidancePlayer';

export interface SpokenGuidance {
  repeat(): void;
  stop(): void;
  /** Index into VOLUME_STEPS. */
  volumeStep: number;
  setVolumeStep(i: number): void;
}

/**
 * Speech for the citizen who asked for it (#31): the step's clips are said whenever the step (or the
 * kiosk's language) changes, and nothing at all for anyone else. Which services have a recorded
 * name is asked once when speech is turned on; a service without one is named by its letter.
 */
export function useSpokenGuidance(on: boolean, step: GuidanceStep | null, lang: GuidanceLang, scope: VoiceScope, serviceIds: readonly number[]): SpokenGuidance {
  const player = useRef<GuidancePlayer | null>(null);
  const [volumeStep, setVolumeStep] = useState(2);
  const [recorded, setRecorded] = useState<ReadonlySet<string> | null>(null);
  const urlOf = useMemo(() => (clip: string) => `/voice/${scope}/${lang}/${clip}`, [scope, lang]);

  useEffect(() => {
    if (!on) return;
    const p = createGuidancePlayer(urlOf);
    player.current = p;
    // For support staff and tests: what this visit heard, in order.
    (window as unknown as { __guidance?: GuidancePlayer['log'] }).__guidance = p.log;
    return () => {
      p.close();
      if (player.current === p) player.current = null;
    };
  }, [on, urlOf]);

  const idsKey = serviceIds.join(',');
  useEffect(() => {
    if (!on) {
      setRecorded(null);
      return;
    }
    let live = true;
    const ids = idsKey ? idsKey.split(',').map(Number) : [];
    void Promise.all(
      ids.map((id) =>
        fetch(urlOf(serviceClip(id)), { method: 'HEAD' })
          .then((r) => (r.ok ? serviceClip(id) : null))
          .catch(() => null),
      ),
    ).then((found) => live && setRecorded(new Set(found.filter((c): c is string => c !== null))));
    return () => {
      live = false;
    };
  }, [on, idsKey, urlOf]);

  useEffect(() => {
    if (player.current) player.current.volume = VOLUME_STEPS[volumeStep] ?? 0.75;
  }, [volumeStep, on]);

  // The step's identity, not its object: a re-render of the same step says nothing again.
  const stepKey = step ? JSON.stringify(step) : '';
  useEffect(() => {
    const p = player.current;
    if (!on || !p || !step || recorded === null) return;
    p.say(guidanceClips(step, lang, (c) => recorded.has(c)));
  }, [on, stepKey, lang, recorded]);

  return {
    repeat: () => player.current?.repeat(),
    stop: () => player.current?.stop(),
    volumeStep,
    setVolumeStep: (i) => setVolumeStep(Math.min(VOLUME_STEPS.length - 1, Math.max(0, i))),
  };
}
