import { useState } from 'react';
import { call } from '../api/client';

/** Admin sign-in; on first sign-in the seeded password must be changed before anything else. */
export function AdminLogin({ onSignedIn }: { onSignedIn: (mustChange: boolean) => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="login"
      onSubmit={(e) => {
        e.preventDefault();
        call('adminLogin', { body: { password } })
          .then((s) => onSignedIn(s.mustChangePassword))
          .catch((err: Error) => setError(err.message));
      }}
    >
      <h2>Quản trị hệ thống</h2>
      <input type="password" aria-label="Mật khẩu quản trị" placeholder="Mật khẩu quản trị" value={password} onChange={(e) => setPassword(e.target.value)} />
      {error && <div className="error-banner">{error}</div>}
      <button type="submit" className="btn-primary">
        Đăng nhập
      </button>
    </form>
  );
}

export function ChangePassword({ onDone }: { onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="login"
      onSubmit={(e) => {
        e.preventDefault();
        if (password !== again) return setError('Hai lần nhập không khớp');
        call('changePassword', { body: { password } })
          .then(onDone)
          .catch((err: Error) => setError(err.message));
      }}
    >
      <h2>Đổi mật khẩu quản trị (lần đăng nhập đầu)</h2>
      <input type="password" aria-label="Mật khẩu mới" placeholder="Mật khẩu mới (ít nhất 8 ký tự)" value={password} onChange={(e) => setPassword(e.target.value)} />
      <input type="password" aria-label="Nhập lại" placeholder="Nhập lại mật khẩu mới" value={again} onChange={(e) => setAgain(e.target.value)} />
      {error && <div className="error-banner">{error}</div>}
      <button type="submit" className="btn-primary">
        Lưu mật khẩu
      </button>
    </form>
  );
}
