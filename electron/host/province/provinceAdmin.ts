import type { z } from 'zod';
import type { ProvinceCatalogueApplyBody, ProvinceCatalogueApplyResult, ProvinceCatalogueView, ProvinceJoinBody, ProvinceLinkView } from '../../../shared/api/adminSchemas';
import type { CatalogueApply } from './catalogueApply';
import type { CatalogueCopy } from './catalogueCopy';
import type { OutboxReader } from './outboxReader';
import { joinProvince } from './provinceJoin';
import type { ProvinceLinkFile } from './provinceLinkFile';
import type { ProvinceSync } from './provinceSync';

type View = z.infer<typeof ProvinceLinkView>;
type CatalogueView = z.infer<typeof ProvinceCatalogueView>;

/** The admin's "Kết nối tỉnh": join with the province's code, see the link, send now, apply the province's catalogue. */
export class ProvinceAdmin {
  constructor(
    private readonly links: ProvinceLinkFile,
    private readonly outbox: OutboxReader,
    private readonly sync: ProvinceSync,
    private readonly copy: CatalogueCopy,
    private readonly applier: CatalogueApply,
  ) {}

  /** The province's latest version as pulled, the one applied here, and what applying the latest would do. */
  catalogue(): CatalogueView {
    const latest = this.copy.latestVersion();
    const v = latest === null ? null : this.copy.version(latest);
    return {
      published: v ? { version: v.version, publishedAt: v.publishedAt, receivedAt: v.receivedAt, procedures: v.procedures.length } : null,
      applied: this.copy.lastApply(),
      diff: v ? this.applier.diff(v.version) : null,
      pullError: this.links.read()?.catalogueError ?? null,
    };
  }

  /** Apply a pulled version with the admin's choices; the province hears the new version with the next push, sent now. */
  applyCatalogue(body: z.infer<typeof ProvinceCatalogueApplyBody>): z.infer<typeof ProvinceCatalogueApplyResult> {
    const result = this.applier.apply(body.version, body.choices);
    this.sync.kick();
    return { result, view: this.catalogue() };
  }

  view(): View {
    const link = this.links.read();
    if (!link) return { joined: false, hubUrl: null, officeId: null, officeName: null, joinedAt: null, lastPushAt: null, lastError: null, pendingEvents: 0, generation: null, generationReason: null, cataloguePulled: null, catalogueError: null };
    return {
      joined: true,
      hubUrl: link.hubUrl,
      officeId: link.officeId,
      officeName: link.officeName,
      joinedAt: link.joinedAt,
      lastPushAt: link.lastPushAt,
      lastError: link.lastError,
      pendingEvents: Math.max(0, this.outbox.lastSeq() - link.ackedSeq),
      generation: link.generation,
      generationReason: link.generationReason,
      cataloguePulled: this.copy.latestVersion(),
      catalogueError: link.catalogueError ?? null,
    };
  }

  /** Join (or join again with a new code from the province): events from now on are pushed. */
  async join(body: z.infer<typeof ProvinceJoinBody>): Promise<View> {
    await joinProvince({ hubUrl: body.hubUrl, code: body.code, links: this.links, outbox: this.outbox });
    this.sync.kick();
    return this.view();
  }

  pushNow(): View {
    this.sync.kick();
    return this.view();
  }
}
