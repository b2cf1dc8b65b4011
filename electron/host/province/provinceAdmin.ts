import type { z } from 'zod';
import type { ProvinceJoinBody, ProvinceLinkView } from '../../../shared/api/adminSchemas';
import type { OutboxReader } from './outboxReader';
import { joinProvince } from './provinceJoin';
import type { ProvinceLinkFile } from './provinceLinkFile';
import type { ProvinceSync } from './provinceSync';

type View = z.infer<typeof ProvinceLinkView>;

/** The admin's "Kết nối tỉnh": join with the province's code, see the link, send now. */
export class ProvinceAdmin {
  constructor(
    private readonly links: ProvinceLinkFile,
    private readonly outbox: OutboxReader,
    private readonly sync: ProvinceSync,
  ) {}

  view(): View {
    const link = this.links.read();
    if (!link) return { joined: false, hubUrl: null, officeId: null, officeName: null, joinedAt: null, lastPushAt: null, lastError: null, pendingEvents: 0, generation: null, generationReason: null };
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
