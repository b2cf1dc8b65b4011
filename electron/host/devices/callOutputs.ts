import { AnnouncementConfig } from '../../../shared/announcementConfig';
import { BoardsConfig } from '../../../shared/boardConfig';
import type { BoardConfig } from '../../../shared/boardConfig';
import { createAnnouncer } from '../announcer/announcer';
import { createBoardsService } from '../boards/boardsService';
import type { BoardsService } from '../boards/boardsService';
import type { QueueService } from '../queue/queueService';

/**
 * Where a call goes besides the screens: spoken announcements (to the speaker displays) and the
 * LED boards over the counters. Both are configured in the database and reconfigured live.
 */
export class CallOutputs {
  private boards: BoardsService;
  private readonly stop: () => void;

  constructor(
    private readonly queue: QueueService,
    broadcast: (m: unknown) => void,
    private readonly log: (e: Record<string, unknown>) => void,
  ) {
    const announcer = createAnnouncer({
      config: () => this.announcementConfig(),
      services: () => queue.views.serviceNumbers(),
      publish: broadcast,
      now: queue.now,
      timeZone: () => queue.settings.get().timeZone,
      zoneOf: (counterId) => queue.catalogue.zoneOfCounter(counterId),
    });
    this.boards = this.startBoards();
    this.stop = queue.onEvent((e) => {
      announcer.handle(e);
      this.boards.handle(e);
    });
  }

  announcementConfig(): AnnouncementConfig {
    return AnnouncementConfig.parse(this.queue.settings.getRaw('announcements') ?? {});
  }

  setAnnouncementConfig(c: AnnouncementConfig): AnnouncementConfig {
    const valid = AnnouncementConfig.parse(c);
    this.queue.settings.setRaw('announcements', valid);
    return valid;
  }

  boardsConfig(): BoardConfig[] {
    return BoardsConfig.parse(this.queue.settings.getRaw('boards') ?? []);
  }

  async setBoardsConfig(boards: BoardConfig[]): Promise<BoardConfig[]> {
    const valid = BoardsConfig.parse(boards);
    this.queue.settings.setRaw('boards', valid);
    await this.boards.close();
    this.boards = this.startBoards();
    return valid;
  }

  boardsStatus() {
    return this.boards.status();
  }

  private startBoards(): BoardsService {
    return createBoardsService({
      boards: this.boardsConfig(),
      log: this.log,
      currentNumber: (counterId) => this.queue.calling.current(counterId)?.number ?? null,
    });
  }

  async close(): Promise<void> {
    this.stop();
    await this.boards.close();
  }
}
