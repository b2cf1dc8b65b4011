import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type { CatalogueStore } from '../catalogue/catalogueStore';
import type { HubRouteTable } from './hubRoutes';
import type { OfficeCredentials } from './officeCredential';

export interface CatalogueRouteDeps {
  credentials: OfficeCredentials;
  catalogue: CatalogueStore;
}

const etagOf = (version: number) => `"v${version}"`;
const gzip = promisify(zlib.gzip);

/**
 * What an office pulls: the province's latest catalogue version, with the office's credential. An
 * office that already holds it (`If-None-Match: "vN"` or `?have=N`) gets 304 and no body, so asking
 * every few minutes costs one index lookup.
 */
export function catalogueRoutes(d: CatalogueRouteDeps): HubRouteTable {
  return {
    'GET /hub/api/catalogue': async (req, res, send) => {
      await d.credentials.office(req);
      const latest = await d.catalogue.latestVersion();
      const have = Number(new URL(req.url ?? '/', 'http://hub').searchParams.get('have') ?? NaN);
      const tag = latest === null ? null : etagOf(latest);
      if (tag !== null && (req.headers['if-none-match'] === tag || have === latest)) {
        res.writeHead(304, { etag: tag, 'cache-control': 'no-cache' });
        res.end();
        return;
      }
      const catalogue = await d.catalogue.latest();
      if (!catalogue || !/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        if (catalogue) res.setHeader('etag', etagOf(catalogue.version));
        return send(res, 200, { catalogue });
      }
      // A province's list is ~300 bytes a procedure as JSON and shrinks ~15× gzipped: it crosses a commune's line once per version.
      const body = await gzip(JSON.stringify({ catalogue }));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-encoding': 'gzip', 'content-length': body.length, etag: etagOf(catalogue.version), 'cache-control': 'no-cache', vary: 'accept-encoding' });
      res.end(body);
    },
  };
}
