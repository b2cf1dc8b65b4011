import { AppError } from '../../shared/errors';

/** The typed error code a call throws, or 'no error'. */
export function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'no error';
}
