import { AnnouncementConfig } from '../../../shared/announcementConfig';
import { AppError } from '../../../shared/errors';
import { BoardsConfig, boardProblemText, boardProblems } from '../../../shared/boardConfig';
import type { BoardConfig } from '../../../shared/boardConfig';
import { createAnnouncer } from '../announcer/announcer';
import { createBoardsService } from '../boards/boardsService';
import type { BoardsService } from '../boards/boardsService';
import type { QueueService } from '../queue/queueService';

export interface ZoneBoardsStatus {
  /** null: boards of a counter that no longer exists. */
  zoneId: number | null;
  boards: number;
  connected: number;
  /** Lines of this zone's boards that are not connected. */
  downPorts: string[];
}

/**
 * Where a call goes besides the screens: spoken announcements (to the speaker displays) and the
 * LED boards over the counters and at each zone's entrance. Both are configured in the database
 * and reconfigured live.
 */
export class CallOutputs {
  private boards: BoardsService;
  private readonly stop: () => void;
  private readonly announcer: ReturnType<typeof createAnnouncer>;

  constructor(
    private readonly queue: QueueService,
    private readonly broadcast: (m: unknown) => void,
    private readonly log: (e: Record<string, unknown>) => void,
    /** How often an idle Modbus board is asked whether it is there (boardsService.ts). */
    private readonly boardProbeMs?: number,
    /** The recorded voice's revision (voiceStore.ts), stamped on every announcement. */
    voiceRev?: () => string,
  ) {
    const announcer = createAnnouncer({
      voiceRev,
      config: () => this.announcementConfig(),
      services: () => queue.views.serviceNumbers(),
      publish: this.broadcast,
      now: queue.now,
      timeZone: () => queue.settings.get().timeZone,
      zoneOf: (counterId) => queue.catalogue.zoneOfCounter(counterId),
    });
    this.announcer = announcer;
    this.boards = this.startBoards();
    this.stop = queue.onEvent((e) => {
      announcer.handle(e);
      this.boards.handle(e);
    });
  }

  /** A test call on one zone's speakers (or every speaker): nothing of the queue is read or written but its settings. */
  testCall(t: Parameters<ReturnType<typeof createAnnouncer>['testCall']>[0]) {
    if (t.zoneId !== null && !this.queue.catalogue.zone(t.zoneId)) throw new AppError('ZONE_NOT_FOUND', `Không có khu vực ${t.zoneId}`);
    return this.announcer.testCall(t);
  }

  announcementConfig(): AnnouncementConfig {
    return AnnouncementConfig.parse(this.queue.settings.getRaw('announcements') ?? {});
  }

  setAnnouncementConfig(c: AnnouncementConfig): AnnouncementConfig {
    const valid = AnnouncementConfig.parse(c);
    const stored = new Set(this.announcementConfig().zones.map((z) => z.zoneId));
    // A zone deleted since its settings were saved may stay listed; a new entry must name a zone.
    const unknown = valid.zones.find((z) => !stored.has(z.zoneId) && !this.queue.catalogue.zone(z.zoneId));
    if (unknown) throw new AppError('ZONE_NOT_FOUND', `Không có khu vực ${unknown.zoneId}`);
    this.queue.settings.setRaw('announcements', valid);
    return valid;
  }

  boardsConfig(): BoardConfig[] {
    return BoardsConfig.parse(this.queue.settings.getRaw('boards') ?? []);
  }

  async setBoardsConfig(boards: BoardConfig[]): Promise<BoardConfig[]> {
    const valid = BoardsConfig.parse(boards);
    const problems = boardProblems(valid);
    if (problems.length) throw new AppError('BAD_REQUEST', problems.map(boardProblemText).join('; '), problems);
    // A board of a counter or zone deleted since it was saved may stay; a new one must name one that exists.
    const stored = this.boardsConfig();
    const had = (b: BoardConfig) => stored.some((s) => (s.kind === 'hall' ? b.kind === 'hall' && s.zoneId === b.zoneId : b.kind === 'counter' && s.counterId === b.counterId));
    for (const b of valid.filter((x) => !had(x))) {
      if (b.kind === 'hall' && !this.queue.catalogue.zone(b.zoneId)) throw new AppError('ZONE_NOT_FOUND', `Không có khu vực ${b.zoneId}`);
      if (b.kind === 'counter' && this.queue.catalogue.zoneOfCounter(b.counterId) === null) throw new AppError('COUNTER_NOT_FOUND', `Không có quầy ${b.counterId}`);
    }
    this.queue.settings.setRaw('boards', valid);
    await this.boards.close();
    this.boards = this.startBoards();
    return valid;
  }

  boardsStatus() {
    return this.boards.status();
  }

  /** Every board and whether it is there (its line open and, on Modbus, the board answering). */
  boardStatus() {
    return this.boards.boardStatus();
  }

  /** Per zone, in the office's zone order: how many boards, how many on a connected line. */
  zoneBoardsStatus(): ZoneBoardsStatus[] {
    const order = this.queue.catalogue.zones().map((z) => z.id);
    const byZone = new Map<number | null, ZoneBoardsStatus>();
    for (const b of this.boards.boardStatus()) {
      const zoneId = b.zoneId !== null && order.includes(b.zoneId) ? b.zoneId : null;
      const z = byZone.get(zoneId) ?? { zoneId, boards: 0, connected: 0, downPorts: [] };
      z.boards++;
      if (b.connected) z.connected++;
      else if (!z.downPorts.includes(b.port)) z.downPorts.push(b.port);
      byZone.set(zoneId, z);
    }
    const rank = (id: number | null) => (id === null ? order.length : order.indexOf(id));
    return [...byZone.values()].sort((a, b) => rank(a.zoneId) - rank(b.zoneId));
  }

  private startBoards(): BoardsService {
    return createBoardsService({
      boards: this.boardsConfig(),
      log: this.log,
      probeMs: this.boardProbeMs,
      // A signal only: the admin screen re-reads the boards' status with its session.
      onStatusChange: () => this.broadcast({ type: 'boards.status', at: this.queue.now() }),
      currentNumber: (counterId) => this.queue.calling.current(counterId)?.number ?? null,
      // null: a counter deleted since its board was saved.
      counterStatus: (counterId) => this.queue.ctx.activeCounter(counterId)?.status ?? null,
      zoneOf: (counterId) => this.queue.catalogue.zoneOfCounter(counterId),
      recentCalls: (zoneId) => {
        if (!this.queue.catalogue.zone(zoneId)) return []; // a zone deleted since the board was saved
        const d = this.queue.views.display(zoneId);
        const status = new Map(d.counters.map((c) => [c.id, c.status]));
        return d.recentCalls
          .filter((c) => status.get(c.counterId) !== 'closed')
          .map((c) => ({ number: c.number, counterId: c.counterId, counterNumber: c.counterNumber, paused: status.get(c.counterId) === 'paused' }));
      },
    });
  }

  async close(): Promise<void> {
    this.stop();
    await this.boards.close();
  }
}
