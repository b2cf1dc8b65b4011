import { z } from 'zod';
import { foldVietnamese } from './serviceSearch';

// The province's service catalogue (issue #29): numbered versions of the procedures the province
// publishes on its hub, pulled by offices and applied at each office only when its admin says so.
// Pure: the hub validates what it publishes with these, the office validates what it pulls with
// them, and both the office host and its admin screen read the same diff.

/**
 * A procedure's code as on the national public-service portal: dot-separated groups of digits and
 * letters ("1.001234", "2.000889.000.00.00.H12").
 */
export const ProcedureCode = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)+$/, 'mã thủ tục như trên Cổng dịch vụ công quốc gia, ví dụ 1.001234');

// The same limits as an office's service (shared/api/adminSchemas.ts), so applying a published
// version can never fail an office's own validation halfway.
const Name = z.string().trim().min(1, 'cần tên').max(120, 'tên dài quá 120 ký tự');
const Document = z.string().trim().min(1).max(160, 'một giấy tờ dài quá 160 ký tự');
const Documents = z.array(Document).max(12, 'quá 12 giấy tờ: ghi các giấy tờ chính người dân cần mang');

export const CatalogueProcedure = z
  .object({
    code: ProcedureCode,
    nameVi: Name,
    nameEn: z.string().trim().max(120, 'tên tiếng Anh dài quá 120 ký tự').default(''),
    /** Lĩnh vực: the office files a new procedure under the group of this name. */
    field: z.string().trim().min(1, 'cần lĩnh vực').max(120),
    documents: Documents.default([]),
    /** Absent: offices keep their own English list. */
    documentsEn: Documents.optional(),
    /** The ticket letters an office gives a procedure it adds (1–3 capitals); absent, the office picks. */
    prefix: z.string().trim().regex(/^[A-Z]{1,3}$/, 'tiền tố: 1–3 chữ in hoa').optional(),
  })
  .strict();
export type CatalogueProcedure = z.infer<typeof CatalogueProcedure>;

/** Each code used twice, where: `[index, message]`. Also run on a raw file, as zod skips refinements once an item's list is too long. */
export function repeatedCodes(list: readonly unknown[]): [number, string][] {
  const seen = new Map<string, number>();
  const out: [number, string][] = [];
  list.forEach((p, i) => {
    const raw = (p as { code?: unknown } | null)?.code;
    if (typeof raw !== 'string') return;
    const code = raw.trim();
    const first = seen.get(code);
    if (first !== undefined) out.push([i, `mã ${code} đã có ở thủ tục thứ ${first + 1}`]);
    else seen.set(code, i);
  });
  return out;
}

/** What a province publishes: at most a province's whole list, each code once. */
export const CatalogueProcedures = z
  .array(CatalogueProcedure)
  .min(1, 'danh mục trống')
  .max(5000)
  .superRefine((list, ctx) => {
    for (const [i, message] of repeatedCodes(list)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message });
  });

/** A published version, immutable once published. */
export const CatalogueVersion = z.object({
  version: z.number().int().positive(),
  publishedAt: z.number().int(),
  procedures: CatalogueProcedures,
});
export type CatalogueVersion = z.infer<typeof CatalogueVersion>;

/** The hub's answer to an office asking for the catalogue: none published yet, or the latest version. */
export const CatalogueAnswer = z.object({ catalogue: CatalogueVersion.nullable() });
export type CatalogueAnswer = z.infer<typeof CatalogueAnswer>;

/** The service fields a catalogue sets at an office; everything else (prefix, hours, counters, quota) stays the office's. */
export const MANAGED_FIELDS = ['nameVi', 'nameEn', 'documents', 'documentsEn'] as const;
export type ManagedField = (typeof MANAGED_FIELDS)[number];
export type ManagedValues = { nameVi: string; nameEn: string; documents: string[]; documentsEn: string[] };

export interface LocalService extends ManagedValues {
  id: number;
  code: string;
}
/** A service the office has tied to a procedure: the province's values as of the last apply. */
export interface ProcedureLink {
  serviceId: number;
  procedureCode: string;
  applied: Partial<ManagedValues>;
}

export interface FieldChange {
  field: ManagedField;
  local: string | string[];
  province: string | string[];
}
export interface CatalogueItem {
  code: string;
  nameVi: string;
  field: string;
  serviceId: number | null;
  /** The local service's name as the office has it now. */
  serviceName: string | null;
  /** Province changes to fields the office has not edited since the last apply: taken as they are. */
  updates: FieldChange[];
  /** Fields both the province and the office changed: the admin picks one side per item. */
  conflicts: FieldChange[];
  /** The service is tied to the procedure for the first time (found by name). */
  newLink: boolean;
}
export interface CatalogueDiff {
  added: CatalogueItem[];
  changed: CatalogueItem[];
  conflicts: CatalogueItem[];
  removed: { code: string; serviceId: number; serviceName: string }[];
  unchanged: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The values a procedure sets on a service; without an English document list, the office's own stays. */
export function procedureValues(p: CatalogueProcedure, local?: ManagedValues): ManagedValues {
  return { nameVi: p.nameVi, nameEn: p.nameEn, documents: p.documents, documentsEn: p.documentsEn ?? local?.documentsEn ?? [] };
}

/**
 * What applying a version would do at an office. A service is tied to a procedure by code (from an
 * earlier apply) or, the first time, by the same Vietnamese name. For each field: the province's
 * value equal to the office's, or unchanged since the last apply → nothing (a local edit stands);
 * the office's value still what the province last gave → the province's change is taken; otherwise both changed it (or nothing was ever applied and they
 * differ) → a conflict the admin settles. A local edit is never overwritten without being asked.
 */
export function catalogueDiff(procedures: readonly CatalogueProcedure[], services: readonly LocalService[], links: readonly ProcedureLink[]): CatalogueDiff {
  const byId = new Map(services.map((s) => [s.id, s]));
  const linkByCode = new Map(links.filter((l) => byId.has(l.serviceId)).map((l) => [l.procedureCode, l]));
  const linked = new Set([...linkByCode.values()].map((l) => l.serviceId));
  const unlinkedByName = new Map<string, LocalService>();
  for (const s of services) if (!linked.has(s.id) && !unlinkedByName.has(foldVietnamese(s.nameVi))) unlinkedByName.set(foldVietnamese(s.nameVi), s);
  const diff: CatalogueDiff = { added: [], changed: [], conflicts: [], removed: [], unchanged: 0 };
  const published = new Set<string>();
  for (const p of procedures) {
    published.add(p.code);
    const link = linkByCode.get(p.code);
    let local = link ? byId.get(link.serviceId) : undefined;
    const newLink = !local;
    if (!local) {
      local = unlinkedByName.get(foldVietnamese(p.nameVi));
      if (local) unlinkedByName.delete(foldVietnamese(p.nameVi));
    }
    if (!local) {
      diff.added.push({ code: p.code, nameVi: p.nameVi, field: p.field, serviceId: null, serviceName: null, updates: [], conflicts: [], newLink: false });
      continue;
    }
    const province = procedureValues(p, local);
    const item: CatalogueItem = { code: p.code, nameVi: p.nameVi, field: p.field, serviceId: local.id, serviceName: local.nameVi, updates: [], conflicts: [], newLink };
    for (const f of MANAGED_FIELDS) {
      if (same(province[f], local[f])) continue;
      const before = link?.applied[f];
      // Only the office changed it since the last apply: its edit stands, nothing to ask.
      if (before !== undefined && same(before, province[f])) continue;
      const change = { field: f, local: local[f], province: province[f] };
      if (before !== undefined && same(before, local[f])) item.updates.push(change);
      else item.conflicts.push(change);
    }
    if (item.conflicts.length > 0) diff.conflicts.push(item);
    else if (item.updates.length > 0 || newLink) diff.changed.push(item);
    else diff.unchanged++;
  }
  for (const [code, l] of linkByCode) {
    if (published.has(code)) continue;
    const s = byId.get(l.serviceId) as LocalService;
    diff.removed.push({ code, serviceId: s.id, serviceName: s.nameVi });
  }
  return diff;
}
