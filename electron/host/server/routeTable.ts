import { contract } from '../../../shared/api/contract';
import type { RouteName } from '../../../shared/api/contract';

export interface CompiledRoute {
  name: RouteName;
  method: string;
  pattern: RegExp;
  keys: string[];
}

/** Literal routes are tried before parameterised ones, so /api/tickets/lookup never reads as an id. */
export function compileRoutes(): CompiledRoute[] {
  const out = (Object.keys(contract) as RouteName[]).map((name) => {
    const def = contract[name];
    const keys: string[] = [];
    const src = def.path
      .split('/')
      .map((seg) => {
        if (seg.startsWith(':')) {
          keys.push(seg.slice(1));
          return '([^/]+)';
        }
        return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    return { name, method: def.method, pattern: new RegExp(`^${src}/?$`), keys };
  });
  return out.sort((a, b) => a.keys.length - b.keys.length);
}

/** 'malformed': the path matched a route but a parameter is not valid percent-encoding (400, not 500). */
export function matchRoute(routes: CompiledRoute[], method: string, path: string): { route: CompiledRoute; params: Record<string, string> } | 'method' | 'malformed' | null {
  let methodMismatch = false;
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    if (route.method !== method) {
      methodMismatch = true;
      continue;
    }
    const params: Record<string, string> = {};
    try {
      route.keys.forEach((k, i) => {
        params[k] = decodeURIComponent(m[i + 1] ?? '');
      });
    } catch {
      return 'malformed';
    }
    return { route, params };
  }
  return methodMismatch ? 'method' : null;
}
