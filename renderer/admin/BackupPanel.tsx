import { useState } from 'react';

/** Download a backup now; restore one (checked by the host, applied at the next start). */
export function BackupPanel() {
  const [file, setFile] = useState<File | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const restore = async () => {
    if (!file) return;
    const res = await fetch('/api/admin/restore?confirm=KHOI-PHUC', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file });
    const body = (await res.json()) as { message?: string; error?: { message: string } };
    setMessage(res.ok ? { ok: true, text: body.message ?? 'Đã nhận bản sao lưu' } : { ok: false, text: body.error?.message ?? 'Lỗi' });
  };
  return (
    <div className="panel" style={{ display: 'grid', gap: 14, maxWidth: 900 }}>
      <h2>Sao lưu dữ liệu</h2>
      <p className="stat">Hệ thống tự sao lưu mỗi đêm và giữ 14 bản gần nhất trong thư mục dữ liệu (backups/).</p>
      <a className="btn-primary link-button" href="/api/admin/backup" style={{ justifySelf: 'start' }}>
        Tải bản sao lưu ngay
      </a>
      <h2>Khôi phục từ bản sao lưu</h2>
      <p className="stat">Dữ liệu hiện tại được giữ lại trong backups/ (motcua-before-restore-…). Phiếu cấp sau thời điểm sao lưu sẽ không còn.</p>
      <input type="file" accept=".sqlite" aria-label="Tệp sao lưu" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <label>
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> Tôi xác nhận khôi phục và sẽ khởi động lại motcua
      </label>
      {message && <div className={message.ok ? 'stat' : 'error-banner'}>{message.text}</div>}
      <button type="button" className="btn-danger" disabled={!file || !confirmed} onClick={() => void restore()} style={{ justifySelf: 'start' }}>
        Khôi phục
      </button>
    </div>
  );
}
