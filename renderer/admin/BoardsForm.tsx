import { useEffect, useRef, useState } from 'react';
import { BOARD_BAUD_RATES, boardProblems } from '../../shared/boardConfig';
import type { BoardConfig, BoardProblem } from '../../shared/boardConfig';
import type { Counter, Zone } from '../../shared/domain';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { fmt, useLang } from '../i18n';
import type { Dict } from '../i18n';
import { Field, FieldGroup, FieldRow } from './FormField';
import { SettingForm, useSettingSave } from './SettingForm';

const PROBLEM_TEXT = { sameAddress: 'brdErrSameAddress', mixedProtocol: 'brdErrProtocol', mixedBaud: 'brdErrBaud', addressRange: 'brdErrRange' } as const;
const problemText = (t: Dict, p: BoardProblem) => fmt(t[PROBLEM_TEXT[p.kind]], p);

/** One board's fields; `index` is its place in the whole list (the host's errors name it so). */
function BoardFields(props: { board: BoardConfig; index: number; counters: Counter[]; onChange: (b: BoardConfig) => void; onRemove: () => void }) {
  const { t } = useLang();
  const b = props.board;
  const set = (patch: Partial<BoardConfig>) => props.onChange({ ...b, ...patch } as BoardConfig);
  return (
    <FieldGroup legend={fmt(b.kind === 'hall' ? t.brdHallN : t.brdN, { n: props.index + 1 })} testId={`board-${props.index + 1}`}>
      <FieldRow>
        <Field label={t.brdPort} help="/dev/ttyUSB1, COM4">
          <input value={b.port} onChange={(e) => set({ port: e.target.value })} />
        </Field>
        <Field label={t.brdProtocol}>
          <select value={b.protocol} onChange={(e) => set({ protocol: e.target.value as BoardConfig['protocol'] })}>
            <option value="ascii">RS-485 ASCII</option>
            <option value="modbus">Modbus RTU</option>
          </select>
        </Field>
        <Field label={t.brdBaud} help={t.brdBaudHelp}>
          <select value={b.baudRate} onChange={(e) => set({ baudRate: Number(e.target.value) })}>
            {/* A speed stored by hand or by an older screen stays shown as it is. */}
            {!(BOARD_BAUD_RATES as readonly number[]).includes(b.baudRate) && <option value={b.baudRate}>{b.baudRate}</option>}
            {BOARD_BAUD_RATES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
      </FieldRow>
      <FieldRow>
        <Field label={t.brdAddress} help={b.protocol === 'ascii' ? '1–99' : '1–247'}>
          <input type="number" min={1} max={b.protocol === 'ascii' ? 99 : 247} value={b.address} onChange={(e) => set({ address: Number(e.target.value) })} />
        </Field>
        {b.kind === 'hall' ? (
          <Field label={t.brdRows} help={fmt(t.brdRowsHelp, { from: b.address, to: b.address + b.rows - 1 })}>
            <input type="number" min={1} max={8} value={b.rows} onChange={(e) => set({ rows: Math.round(Number(e.target.value)) })} />
          </Field>
        ) : (
          <Field label={t.brdCounter} help={t.brdCounterHelp}>
            <select value={b.counterId} onChange={(e) => set({ counterId: Number(e.target.value) })}>
              {!props.counters.some((c) => c.id === b.counterId) && <option value={b.counterId}>{`#${b.counterId}`}</option>}
              {props.counters.map((c) => (
                <option key={c.id} value={c.id}>
                  {`${c.number} — ${c.name}`}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t.brdBlink} help={t.brdBlinkHelp}>
          <input type="number" min={0} max={60} value={b.blinkSeconds} onChange={(e) => set({ blinkSeconds: Math.round(Number(e.target.value)) })} />
        </Field>
        <button type="button" className="btn-secondary form-row-button" onClick={props.onRemove}>
          {t.remove}
        </button>
      </FieldRow>
    </FieldGroup>
  );
}

/**
 * The LED boards, grouped by zone: a counter's board belongs to its counter's zone, and each zone
 * may have hall boards at its entrance. One zone: the plain list, as a ward has always seen it.
 */
export function BoardsForm() {
  const { t, lang } = useLang();
  // Re-read when a line comes up or goes down; only the status is taken then, never the admin's edits.
  const cfg = useQuery('boardsConfig', {}, (m) => m.type === 'boards.status');
  const zonesQ = useQuery('listZones', {}, (m) => m.type === 'config.changed');
  const countersQ = useQuery('adminCounters', {}, (m) => m.type === 'config.changed');
  const [boards, setBoards] = useState<BoardConfig[]>([]);
  // The lines' state as of the last read or save (a save restarts the boards and answers with it).
  const [view, setView] = useState(cfg.data);
  const saving = useSettingSave();
  const loaded = useRef(false);
  useEffect(() => {
    setView(cfg.data);
    if (cfg.data && !loaded.current) {
      loaded.current = true;
      setBoards(cfg.data.boards);
    }
  }, [cfg.data]);
  const zones: Zone[] = zonesQ.data ?? [];
  const counters: Counter[] = countersQ.data ?? [];
  const status = view?.zones ?? [];
  const grouped = zones.length > 1;
  const zoneName = (z: Zone) => (lang === 'en' && z.nameEn ? z.nameEn : z.nameVi);
  const zoneOf = (b: BoardConfig): number | null => (b.kind === 'hall' ? b.zoneId : (counters.find((c) => c.id === b.counterId)?.zoneId ?? null));
  const nextAddress = (port: string) => Math.max(0, ...boards.filter((b) => b.port === port).map((b) => b.address + (b.kind === 'hall' ? b.rows : 1) - 1)) + 1;
  const add = (kind: BoardConfig['kind'], zoneId: number) => {
    // On the zone's line if it has one; a ward's boards share its one line. Another floor's line is not a guess.
    const port = boards.find((b) => zoneOf(b) === zoneId)?.port ?? (grouped ? '' : (boards[0]?.port ?? ''));
    // A new board on a line takes the line's protocol and speed: the port is opened once for all of them.
    const mate = boards.find((b) => b.port === port);
    const line = { port, baudRate: mate?.baudRate ?? 9600, address: nextAddress(port), protocol: mate?.protocol ?? 'ascii', blinkSeconds: mate?.blinkSeconds ?? 5 } as const;
    const counterId = (counters.find((c) => c.zoneId === zoneId) ?? counters[0])?.id ?? 1;
    setBoards([...boards, kind === 'hall' ? { kind, ...line, zoneId, rows: 2 } : { kind, ...line, counterId }]);
  };
  const statusLine = (zoneId: number | null) => {
    const s = status.find((x) => x.zoneId === zoneId);
    if (!s) return undefined;
    return [fmt(t.brdZoneStatus, { n: s.boards, ok: s.connected }), ...(s.downPorts.length ? [fmt(t.brdDown, { ports: s.downPorts.join(', ') })] : [])].join(' · ');
  };
  const errors = () => [...(boards.some((b) => !b.port.trim()) ? [t.brdErrPort] : []), ...boardProblems(boards).map((p) => problemText(t, p))];
  const fields = (b: BoardConfig, zoneId: number | null) => {
    const i = boards.indexOf(b);
    return (
      <BoardFields
        key={i}
        board={b}
        index={i}
        counters={grouped && zoneId !== null ? counters.filter((c) => c.zoneId === zoneId) : counters}
        onChange={(nb) => setBoards(boards.map((x, k) => (k === i ? nb : x)))}
        onRemove={() => setBoards(boards.filter((_, k) => k !== i))}
      />
    );
  };
  const buttons = (zoneId: number) => (
    <>
      <button type="button" className="btn-secondary" onClick={() => add('counter', zoneId)}>
        {t.brdAdd}
      </button>
      <button type="button" className="btn-secondary" onClick={() => add('hall', zoneId)}>
        {t.brdAddHall}
      </button>
    </>
  );
  const single = zones[0]?.id ?? 1;
  const orphans = grouped ? boards.filter((b) => { const z = zoneOf(b); return z === null || !zones.some((x) => x.id === z); }) : [];
  return (
    <SettingForm
      title={t.brdTitle}
      intro={t.brdHelp}
      form="boards"
      saving={saving}
      saveLabel={t.save}
      onSubmit={() =>
        void saving.run(errors(), async () => {
          const saved = await call('setBoardsConfig', { body: { boards } });
          setBoards(saved.boards);
          setView(saved);
        })
      }
      actions={grouped ? undefined : buttons(single)}
    >
      {!grouped && (
        <>
          {boards.length === 0 ? <p className="form-help">{t.brdNone}</p> : statusLine(single) && <p className="form-help" data-testid="boards-status">{statusLine(single)}</p>}
          {boards.map((b) => fields(b, single))}
        </>
      )}
      {grouped &&
        zones.map((z) => {
          const mine = boards.filter((b) => zoneOf(b) === z.id);
          return (
            <FieldGroup key={z.id} legend={zoneName(z)} testId={`boards-zone-${z.id}`}>
              {(mine.length === 0 || statusLine(z.id)) && (
                <p className="form-help" data-testid={`boards-status-${z.id}`}>
                  {mine.length === 0 ? t.brdZoneEmpty : statusLine(z.id)}
                </p>
              )}
              {[...mine.filter((b) => b.kind === 'hall'), ...mine.filter((b) => b.kind === 'counter')].map((b) => fields(b, z.id))}
              <div className="form-row">{buttons(z.id)}</div>
            </FieldGroup>
          );
        })}
      {orphans.length > 0 && (
        <FieldGroup legend={t.brdNoZone} testId="boards-zone-none">
          {orphans.map((b) => fields(b, null))}
        </FieldGroup>
      )}
    </SettingForm>
  );
}
