import { AppError } from '../../shared/errors';
import { HubAddOfficeBody, HubAddUserBody, HubOfficeIdBody, HubResetPasswordBody, HubThresholdBody } from '../../shared/hubBoard';
import type { HubAccess } from '../auth/hubAccess';
import type { HubUsers } from '../auth/hubUsers';
import type { OfficeAlertSettings } from '../offices/officeAlertSettings';
import type { OfficeRegistry } from '../offices/officeRegistry';
import type { HubRouteTable } from './hubRoutes';
import { readForm } from './provinceBody';

export interface ProvinceAdminDeps {
  access: HubAccess;
  users: HubUsers;
  offices: OfficeRegistry;
  officeSettings: OfficeAlertSettings;
  /** A reset account's live sockets close: its sessions are gone. */
  passwordReset: (userId: number) => void;
  log: (e: Record<string, unknown>) => void;
}

/** What only a province admin may do: accounts, offices, join codes, alert thresholds. */
export function provinceAdminRoutes(d: ProvinceAdminDeps): HubRouteTable {
  return {
    'GET /hub/api/users': async (req, res, send) => {
      await d.access.admin(req);
      send(res, 200, await d.users.list());
    },
    'POST /hub/api/users': async (req, res, send) => {
      const admin = await d.access.admin(req);
      const body = await readForm(req, HubAddUserBody);
      const user = await d.users.add(body);
      d.log({ level: 'info', msg: 'hub user added', by: admin.name, user: user.name, role: user.role, office: user.officeId });
      send(res, 201, user);
    },
    'POST /hub/api/users/password': async (req, res, send) => {
      const admin = await d.access.admin(req);
      const body = await readForm(req, HubResetPasswordBody);
      await d.users.resetPassword(body.userId, body.password);
      d.passwordReset(body.userId);
      d.log({ level: 'info', msg: 'hub password reset', by: admin.name, user: body.userId });
      send(res, 200, { ok: true });
    },
    'GET /hub/api/offices': async (req, res, send) => {
      await d.access.admin(req);
      send(res, 200, await d.officeSettings.list());
    },
    'POST /hub/api/offices': async (req, res, send) => {
      const admin = await d.access.admin(req);
      const body = await readForm(req, HubAddOfficeBody);
      const { office, code } = await d.offices.add(body.name);
      d.log({ level: 'info', msg: 'office added', by: admin.name, office: office.id });
      await d.officeSettings.announce(office.id);
      send(res, 201, { officeId: office.id, name: office.name, code });
    },
    'POST /hub/api/offices/code': async (req, res, send) => {
      await d.access.admin(req);
      const { officeId } = await readForm(req, HubOfficeIdBody);
      await existing(d, officeId);
      send(res, 201, { officeId, code: await d.offices.newCode(officeId) });
    },
    'POST /hub/api/offices/revoke': async (req, res, send) => {
      const admin = await d.access.admin(req);
      const { officeId } = await readForm(req, HubOfficeIdBody);
      await existing(d, officeId);
      await d.offices.revoke(officeId);
      d.log({ level: 'info', msg: 'office revoked', by: admin.name, office: officeId });
      await d.officeSettings.announce(officeId);
      send(res, 200, { ok: true });
    },
    'POST /hub/api/offices/threshold': async (req, res, send) => {
      await d.access.admin(req);
      const body = await readForm(req, HubThresholdBody);
      await existing(d, body.officeId);
      await d.officeSettings.setThreshold(body.officeId, body.waiting, body.waitMinutes);
      send(res, 200, { ok: true });
    },
  };
}

async function existing(d: ProvinceAdminDeps, officeId: string): Promise<void> {
  if (!(await d.officeSettings.exists(officeId))) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị');
}
