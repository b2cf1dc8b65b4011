import type http from 'node:http';
import { fileRouteCallers } from '../../../shared/api/access';
import { AppError } from '../../../shared/errors';
import type { AuthService, Session } from '../auth/authService';
import type { DeviceRegistry } from '../auth/deviceRegistry';
import { deviceToken, sessionToken } from './httpApi';

export type FileRoute = keyof typeof fileRouteCallers;

/**
 * Judges a caller of a file route from its headers, in the same order as the contract routes:
 * enrolled device, its role, then the session opened on that device. A refusal is an AppError so
 * the caller answers it with refuseEarly (a restore body is never read for a refused caller).
 */
export function createFileRouteAccess(devices: DeviceRegistry, auth: AuthService) {
  return (req: http.IncomingMessage, route: FileRoute): Session | AppError => {
    const device = devices.identify(deviceToken(req), req.socket.remoteAddress ?? null);
    if (!device) return new AppError('DEVICE_NOT_ENROLLED');
    if (!(fileRouteCallers[route] as readonly string[]).includes(device.role)) return new AppError('DEVICE_ROLE');
    const session = auth.session(sessionToken(req), device.id);
    if (!session) return new AppError('UNAUTHORIZED');
    if (session.kind !== 'admin') return new AppError('FORBIDDEN');
    return session;
  };
}

export type FileRouteAccess = ReturnType<typeof createFileRouteAccess>;
