import type http from 'node:http';

/** Writes a JSON answer; routes never build responses by hand. */
export type SendJson = (res: http.ServerResponse, status: number, body: unknown) => void;

export type HubRoute = (req: http.IncomingMessage, res: http.ServerResponse, send: SendJson) => Promise<void>;

/** Routes keyed by `METHOD /path` (no query string); each module of routes gives one such table. */
export type HubRouteTable = Record<string, HubRoute>;
