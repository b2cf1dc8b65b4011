import { AppError } from '../../../shared/errors';
import { JoinAnswer } from '../../../shared/hubProtocol';
import type { OutboxReader } from './outboxReader';
import { newGeneration } from './provinceLinkFile';
import type { ProvinceLink, ProvinceLinkFile } from './provinceLinkFile';

/** The hub's address as typed by an admin: http(s), no path beyond the root, no credentials in it. */
export function hubBase(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new AppError('BAD_REQUEST', 'Địa chỉ hub không hợp lệ (ví dụ: https://hub.tinh.gov.vn)');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) throw new AppError('BAD_REQUEST', 'Địa chỉ hub phải là http:// hoặc https://, không kèm tên đăng nhập');
  return url.origin;
}

/**
 * Join the province with the one-time code its hub's admin gave: the hub answers with this office's
 * credential. Events from now on are pushed; what the office recorded before joining stays here.
 */
export async function joinProvince(o: { hubUrl: string; code: string; links: ProvinceLinkFile; outbox: OutboxReader; now?: () => number; fetch?: typeof fetch }): Promise<ProvinceLink> {
  const base = hubBase(o.hubUrl);
  const res = await (o.fetch ?? fetch)(`${base}/hub/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: o.code }), signal: AbortSignal.timeout(15_000) });
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new AppError(err?.code === 'JOIN_CODE_INVALID' ? 'JOIN_CODE_INVALID' : err?.code === 'JOIN_CODE_LOCKED' ? 'JOIN_CODE_LOCKED' : 'BAD_REQUEST', err?.message ?? `Hub trả lời ${res.status}`);
  }
  const answer = JoinAnswer.parse(body);
  const last = o.outbox.lastSeq();
  const link: ProvinceLink = {
    hubUrl: base,
    officeId: answer.officeId,
    officeName: answer.name,
    credential: answer.credential,
    generation: newGeneration(),
    baseSeq: last,
    ackedSeq: last,
    highestSeq: last,
    joinedAt: (o.now ?? Date.now)(),
    lastPushAt: null,
    lastError: null,
    generationReason: null,
  };
  o.links.write(link);
  return link;
}
