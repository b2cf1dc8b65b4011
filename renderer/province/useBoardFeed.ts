import { useEffect, useState } from 'react';
import { HUB_STALE_MS } from '../../shared/hubBoard';
import type { BoardMessage, BoardRow } from '../../shared/hubBoard';

export interface BoardFeed {
  rows: BoardRow[] | null;
  /** Hub clock minus this browser's clock, so "stale" is judged on the hub's time. */
  skewMs: number;
  staleMs: number;
  live: boolean;
}

/**
 * The board's socket: every row on connect, then each office's fresh row as its pushes land. A
 * dropped socket comes back with a growing pause and starts again from every row.
 */
export function useBoardFeed(): BoardFeed {
  const [state, setState] = useState<BoardFeed>({ rows: null, skewMs: 0, staleMs: HUB_STALE_MS, live: false });
  useEffect(() => {
    let ws: WebSocket | null = null;
    let stopped = false;
    let pause = 500;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/hub/api/board/live`);
      ws.onopen = () => {
        pause = 500;
      };
      ws.onmessage = (ev) => {
        const msg = JSON.parse(String(ev.data)) as BoardMessage;
        const skewMs = msg.now - Date.now();
        if (msg.type === 'rows') setState({ rows: msg.rows, skewMs, staleMs: msg.staleMs, live: true });
        else if (msg.type === 'gone') setState((s) => ({ ...s, rows: (s.rows ?? []).filter((r) => r.officeId !== msg.officeId), skewMs, live: true }));
        else
          setState((s) => {
            const rows = s.rows ?? [];
            const i = rows.findIndex((r) => r.officeId === msg.row.officeId);
            const next = i < 0 ? [...rows, msg.row] : rows.map((r, j) => (j === i ? msg.row : r));
            return { rows: next, skewMs, staleMs: msg.staleMs, live: true };
          });
      };
      ws.onclose = () => {
        setState((s) => ({ ...s, live: false }));
        if (stopped) return;
        timer = setTimeout(connect, pause);
        pause = Math.min(pause * 2, 15_000);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      ws?.close();
    };
  }, []);
  return state;
}
