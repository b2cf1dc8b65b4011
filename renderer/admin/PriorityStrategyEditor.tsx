import { pickWithin } from '../../shared/callOrder';
import type { CallCandidate } from '../../shared/callOrder';
import { PRIORITY_STRATEGY_KINDS } from '../../shared/domain';
import type { PriorityStrategy } from '../../shared/domain';
import { fmt, useLang } from '../i18n';
import { Field, FieldGroup } from './FormField';
import type { Dict } from '../i18n';

type Kind = PriorityStrategy['kind'];

const DEFAULTS: Record<Kind, PriorityStrategy> = {
  alternate: { kind: 'alternate', priorityRun: 3 },
  jumpLimit: { kind: 'jumpLimit', maxJumps: 3 },
  priorityFirst: { kind: 'priorityFirst', agingMinutes: 45 },
  waitBonus: { kind: 'waitBonus', bonusMinutes: 15 },
};

const LABEL: Record<Kind, keyof Dict> = { alternate: 'psAlternate', jumpLimit: 'psJumpLimit', priorityFirst: 'psPriorityFirst', waitBonus: 'psWaitBonus' };

/** The parameter of each kind: its field, its screen label and its range (as in shared/domain.ts; the host refuses outside it). */
const PARAM: { [K in Kind]: { label: keyof Dict; min: number; max: number; get: (s: Extract<PriorityStrategy, { kind: K }>) => number; set: (n: number) => Extract<PriorityStrategy, { kind: K }> } } = {
  alternate: { label: 'psAlternateRun', min: 1, max: 20, get: (s) => s.priorityRun, set: (n) => ({ kind: 'alternate', priorityRun: n }) },
  jumpLimit: { label: 'psJumpLimitMax', min: 1, max: 20, get: (s) => s.maxJumps, set: (n) => ({ kind: 'jumpLimit', maxJumps: n }) },
  priorityFirst: { label: 'psPriorityFirstAging', min: 1, max: 1440, get: (s) => s.agingMinutes, set: (n) => ({ kind: 'priorityFirst', agingMinutes: n }) },
  waitBonus: { label: 'psWaitBonusMinutes', min: 0, max: 240, get: (s) => s.bonusMinutes, set: (n) => ({ kind: 'waitBonus', bonusMinutes: n }) },
};

function paramOf(s: PriorityStrategy): number {
  return (PARAM[s.kind].get as (x: PriorityStrategy) => number)(s);
}

/**
 * The order one counter would call a line of six normal tickets followed, a minute later each, by
 * six priority tickets — played with the host's own rule, so the example cannot disagree with it.
 */
export function previewOrder(strategy: PriorityStrategy, calls = 10): boolean[] {
  const MIN = 60_000;
  const line: CallCandidate[] = [];
  for (let i = 0; i < 6; i++) line.push({ id: `n${i}`, serviceId: 1, serviceRank: 0, isPriority: false, queuedAt: i * MIN, issueOrder: 2 * i });
  for (let i = 0; i < 6; i++) line.push({ id: `p${i}`, serviceId: 1, serviceRank: 0, isPriority: true, queuedAt: (i + 1.5) * MIN, issueOrder: 2 * i + 1 });
  const called: CallCandidate[] = [];
  const out: boolean[] = [];
  for (let k = 0; k < calls && line.length > 0; k++) {
    const now = (10 + 5 * k) * MIN;
    const pick = pickWithin(line, {
      strategy,
      serviceAgingMinutes: 30,
      now,
      priorityRun: () => {
        let n = 0;
        for (let i = called.length - 1; i >= 0 && called[i]?.isPriority; i--) n++;
        return n;
      },
      priorityCallsAhead: (_sid, q) => called.filter((c) => c.isPriority && c.queuedAt > q).length,
    });
    if (!pick) break;
    line.splice(line.indexOf(pick), 1);
    called.push(pick);
    out.push(pick.isPriority);
  }
  return out;
}

export function PriorityStrategyEditor(props: {
  strategy: PriorityStrategy;
  onStrategy: (s: PriorityStrategy) => void;
  serviceAgingMinutes: number;
  onServiceAgingMinutes: (n: number) => void;
}) {
  const { t } = useLang();
  const s = props.strategy;
  const param = PARAM[s.kind];
  return (
    <FieldGroup legend={t.psTitle} testId="priority-strategy">
      <Field label={t.psStrategy}>
        <select value={s.kind} onChange={(e) => props.onStrategy(DEFAULTS[e.target.value as Kind])}>
          {PRIORITY_STRATEGY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t[LABEL[k]]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t[param.label]} help={fmt(t.psRange, { min: param.min, max: param.max })}>
        <input type="number" min={param.min} max={param.max} value={paramOf(s)} onChange={(e) => props.onStrategy(param.set(Math.round(Number(e.target.value))))} />
      </Field>
      <div className="form-help" data-testid="priority-preview">
        {t.psExample}: {previewOrder(s).map((p) => (p ? t.psPriorityShort : t.psNormalShort)).join(' ')}
      </div>
      <Field label={t.psServiceAging} help={fmt(t.psRange, { min: 5, max: 480 })}>
        <input type="number" min={5} max={480} value={props.serviceAgingMinutes} onChange={(e) => props.onServiceAgingMinutes(Math.round(Number(e.target.value)))} />
      </Field>
    </FieldGroup>
  );
}
