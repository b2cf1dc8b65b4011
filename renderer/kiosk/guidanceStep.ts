import type { IssuedTicket, ServiceStatus } from '../../shared/api/schemas';
import type { GuidanceStep } from '../../shared/guidanceClips';

/** The kiosk's steps as far as speech cares (the rest of its state is for the screen). */
export type KioskStepForSpeech =
  | { kind: 'home' | 'checkin' | 'rate-lookup' | 'rate-form' | 'message' | 'booking-cancel' }
  | { kind: 'priority' | 'retry'; service: ServiceStatus }
  | { kind: 'result'; ticket: IssuedTicket; service: ServiceStatus };

/**
 * What spoken guidance says for the kiosk's step: the idle warning over everything once it is
 * urgent; nothing while the host is unreachable (the notice on screen asks for staff) or on the
 * rating steps, which are not part of taking a number.
 */
export function guidanceStep(step: KioskStepForSpeech, idleUrgent: boolean, reachable: boolean): GuidanceStep | null {
  if (idleUrgent) return { kind: 'idle' };
  if (!reachable) return null;
  switch (step.kind) {
    case 'home':
      return { kind: 'home' };
    case 'checkin':
      return { kind: 'checkin' };
    case 'priority':
      return { kind: 'priority', service: { id: step.service.id, prefix: step.service.prefix } };
    case 'result': {
      const print = step.ticket.print.state;
      return { kind: 'ticket', number: step.ticket.number, service: { id: step.service.id, prefix: step.service.prefix }, printed: print === 'queued' || print === 'printing' || print === 'done' };
    }
    default:
      return null;
  }
}
