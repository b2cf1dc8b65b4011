import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { HubMe, HubRole } from '../../shared/hubBoard';
import { hubApi } from './hubApi';
import { fmt } from '../i18n';
import { useProvince } from './useProvince';

interface UserRow extends HubMe {
  createdAt: number;
}
interface OfficeRow {
  officeId: string;
  name: string;
  joinedAt: number | null;
  revokedAt: number | null;
  alertWaiting: number;
  alertWaitMinutes: number;
}

/** The province admin's tab: people (add, reset a password) and offices (add, join code, cut off, thresholds). */
export function AdminPage() {
  const { p, errorText } = useProvince();
  const [users, setUsers] = useState<UserRow[]>([]);
  const [offices, setOffices] = useState<OfficeRow[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    void hubApi<UserRow[]>('users').then(setUsers, (e: unknown) => setError(errorText(e)));
    void hubApi<OfficeRow[]>('offices').then(setOffices, (e: unknown) => setError(errorText(e)));
  }, []);
  useEffect(reload, [reload]);
  const act = async (f: () => Promise<string | null>) => {
    setError(null);
    setNote(null);
    try {
      setNote(await f());
      reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const [uName, setUName] = useState('');
  const [uPassword, setUPassword] = useState('');
  const [uRole, setURole] = useState<HubRole>('office_viewer');
  const [uOffice, setUOffice] = useState('');
  const addUser = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await hubApi('users', { name: uName, password: uPassword, role: uRole, officeId: uRole === 'office_viewer' ? uOffice || null : null });
      setUName('');
      setUPassword('');
      return fmt(p.adminUserAdded, { name: uName });
    });
  };
  const [resetFor, setResetFor] = useState<number | null>(null);
  const [newPassword, setNewPassword] = useState('');
  const reset = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await hubApi('users/password', { userId: resetFor, password: newPassword });
      setResetFor(null);
      setNewPassword('');
      return p.adminPasswordReset;
    });
  };
  const [oName, setOName] = useState('');
  const addOffice = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      const r = await hubApi<{ name: string; code: string }>('offices', { name: oName });
      setOName('');
      return fmt(p.adminJoinCodeNote, { name: r.name, code: r.code });
    });
  };
  const live = offices.filter((o) => o.revokedAt === null);
  const officeName = (id: string | null) => offices.find((o) => o.officeId === id)?.name ?? '';

  return (
    <section className="hub-admin" data-testid="admin">
      {note && <p className="hub-note" role="status" data-testid="note">{note}</p>}
      {error && <p className="hub-error" role="alert" data-testid="error">{error}</p>}
      <div className="hub-card">
        <h2>{p.adminOffices}</h2>
        <form className="hub-inline-form" data-form="add-office" onSubmit={addOffice}>
          <label>
            {p.adminOfficeName}
            <input value={oName} onChange={(e) => setOName(e.target.value)} data-field="office-name" required />
          </label>
          <button type="submit" className="btn-primary">{p.adminAddOffice}</button>
        </form>
        <table className="hub-table compact">
          <thead>
            <tr>
              <th>{p.adminOfficeName}</th>
              <th>{p.adminStatus}</th>
              <th>{p.adminThreshold}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {offices.map((o) => (
              <OfficeLine key={o.officeId} o={o} act={act} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="hub-card">
        <h2>{p.adminUsers}</h2>
        <form className="hub-inline-form" data-form="add-user" onSubmit={addUser}>
          <label>
            {p.userName}
            <input value={uName} onChange={(e) => setUName(e.target.value)} data-field="user-name" required />
          </label>
          <label>
            {p.password}
            <input type="password" autoComplete="new-password" value={uPassword} onChange={(e) => setUPassword(e.target.value)} data-field="user-password" required />
          </label>
          <label>
            {p.adminRole}
            <select value={uRole} onChange={(e) => setURole(e.target.value as HubRole)} data-field="user-role">
              <option value="office_viewer">{p.roleViewer}</option>
              <option value="province_admin">{p.roleAdmin}</option>
            </select>
          </label>
          {uRole === 'office_viewer' && (
            <label>
              {p.adminOfficeOf}
              <select value={uOffice} onChange={(e) => setUOffice(e.target.value)} data-field="user-office" required>
                <option value="">{p.adminNoOffice}</option>
                {live.map((o) => (
                  <option key={o.officeId} value={o.officeId}>{o.name}</option>
                ))}
              </select>
            </label>
          )}
          <button type="submit" className="btn-primary">{p.adminAdd}</button>
        </form>
        <table className="hub-table compact">
          <thead>
            <tr>
              <th>{p.userName}</th>
              <th>{p.adminRole}</th>
              <th>{p.adminOfficeOf}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-user={u.name}>
                <td>{u.name}</td>
                <td>{u.role === 'province_admin' ? p.roleAdmin : p.roleViewer}</td>
                <td>{officeName(u.officeId)}</td>
                <td>
                  {resetFor === u.id ? (
                    <form className="hub-inline-form" onSubmit={reset}>
                      <input type="password" autoComplete="new-password" aria-label={p.adminNewPassword} placeholder={p.adminNewPassword} value={newPassword} onChange={(e) => setNewPassword(e.target.value)} required />
                      <button type="submit" className="btn-primary hub-small">{p.adminSave}</button>
                    </form>
                  ) : (
                    <button type="button" className="btn-secondary hub-small" onClick={() => setResetFor(u.id)}>{p.adminResetPassword}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function OfficeLine({ o, act }: { o: OfficeRow; act: (f: () => Promise<string | null>) => Promise<void> }) {
  const { p } = useProvince();
  const [waiting, setWaiting] = useState(String(o.alertWaiting));
  const [minutes, setMinutes] = useState(String(o.alertWaitMinutes));
  const revoked = o.revokedAt !== null;
  return (
    <tr data-office={o.officeId} className={revoked ? 'muted' : undefined}>
      <td>{o.name}</td>
      <td>{revoked ? p.adminRevoked : o.joinedAt ? p.adminJoined : p.adminNotJoined}</td>
      <td>
        {!revoked && (
          <form
            className="hub-inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void act(async () => {
                await hubApi('offices/threshold', { officeId: o.officeId, waiting: Number(waiting), waitMinutes: Number(minutes) });
                return p.adminSaved;
              });
            }}
          >
            <input type="number" min={1} className="hub-num" aria-label={p.adminThresholdWaiting} title={p.adminThresholdWaiting} value={waiting} onChange={(e) => setWaiting(e.target.value)} />
            <span>{p.adminThresholdWaiting}</span>
            <input type="number" min={1} className="hub-num" aria-label={p.adminThresholdMinutes} title={p.adminThresholdMinutes} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
            <span>{p.adminThresholdMinutes}</span>
            <button type="submit" className="btn-secondary hub-small">{p.adminSave}</button>
          </form>
        )}
      </td>
      <td className="hub-actions">
        {!revoked && (
          <div>
            <button
              type="button"
              className="btn-secondary hub-small"
              data-action="new-code"
              onClick={() =>
                void act(async () => {
                  const r = await hubApi<{ code: string }>('offices/code', { officeId: o.officeId });
                  return fmt(p.adminJoinCodeNote, { name: o.name, code: r.code });
                })
              }
            >
              {p.adminNewCode}
            </button>
            <button
              type="button"
              className="btn-danger hub-small"
              data-action="revoke"
              onClick={() => {
                if (!confirm(fmt(p.adminRevokeConfirm, { name: o.name }))) return;
                void act(async () => {
                  await hubApi('offices/revoke', { officeId: o.officeId });
                  return null;
                });
              }}
            >
              {p.adminRevoke}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
