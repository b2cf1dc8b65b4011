// Messages between the host and a print agent (a small program on a kiosk PC that owns the
// kiosk's own ticket printer). The host does all the ticket layout and ESC/POS encoding; the agent
// only pipes bytes to its printer and the printer's answers back, so every printer model the host
// supports works behind an agent unchanged. JSON text frames; bytes as base64.

/** Host → agent: send these bytes to the printer; answered by an `ack` with the same id. */
export interface AgentWrite {
  op: 'write';
  id: number;
  data: string;
}

/** Agent → host. */
export type AgentMessage =
  /** The agent's printer is open (`up`) or not (unplugged, off, wrong path): `error` says why. */
  | { op: 'printer'; up: boolean; canRead: boolean; printer: string; error?: string }
  | { op: 'ack'; id: number; error?: string }
  /** Bytes the printer sent (status answers). */
  | { op: 'read'; data: string };

export const PRINT_AGENT_PATH = '/api/print-agent';
