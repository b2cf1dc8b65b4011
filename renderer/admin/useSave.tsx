import { useState } from 'react';

/** Run a save, keeping its error (the host's translated message) or a short "saved" note. */
export function useSave() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (fn: () => Promise<unknown>, okText = 'Đã lưu') => {
    try {
      await fn();
      setMessage({ ok: true, text: okText });
      return true;
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
      return false;
    }
  };
  return { message, save };
}

export function SaveMessage({ message }: { message: { ok: boolean; text: string } | null }) {
  if (!message) return null;
  return (
    <div className={message.ok ? 'stat' : 'error-banner'} role="status" data-testid="save-message">
      {message.text}
    </div>
  );
}
