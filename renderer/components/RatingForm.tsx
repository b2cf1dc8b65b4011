import { useState } from 'react';
import { RATING_LABELS } from '../../shared/labels';
import { call } from '../api/client';
import type { ApiError } from '../api/client';
import { errorText, useLang } from '../i18n';
import { useActionError } from '../api/hooks';
import { Face } from './Face';
import { VietnameseKeyboard } from './VietnameseKeyboard';

export interface RatingReason {
  code: string;
  vi: string;
  en: string;
}

interface Props {
  ticketId: string;
  levels: number;
  reasons: RatingReason[];
  source: 'kiosk' | 'tablet' | 'phone';
  /** Touchscreens get the in-app keyboard; phones use their own. */
  keyboard: boolean;
  heading?: string;
  onDone: (result: 'rated' | 'already' | 'error') => void;
}

/** Levels as large faces (best first), optional reasons and comment, one submission per ticket. */
export function RatingForm({ ticketId, levels, reasons, source, keyboard, heading, onDone }: Props) {
  const { t, pick, lang } = useLang();
  const scale = (levels === 3 || levels === 5 ? levels : 4) as 3 | 4 | 5;
  const labels = RATING_LABELS[scale];
  const [score, setScore] = useState<number | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const failure = useActionError();
  const [sending, setSending] = useState(false);

  const submit = async () => {
    if (score === null || sending) return;
    setSending(true);
    try {
      await call('rate', { params: { id: ticketId }, body: { score, reasons: chosen, comment: comment.trim() || undefined, source } });
      onDone('rated');
    } catch (e) {
      const err = e as ApiError;
      if (err.code === 'ALREADY_RATED') onDone('already');
      else failure.show(err);
      setSending(false);
    }
  };

  const typing = score !== null;
  return (
    <div className={`rating${typing ? ' open' : ''}${keyboard && typing ? ' with-keyboard' : ''}`}>
      <h2>{heading ?? t.rateTitle}</h2>
      <div className={`faces levels-${scale}`} role="radiogroup">
        {labels.map((l, i) => {
          const value = scale - i;
          return (
            <button
              type="button"
              role="radio"
              aria-checked={score === value}
              key={value}
              className={`face${score === value ? ' selected' : ''}`}
              onClick={() => setScore(value)}
              data-score={value}
            >
              <Face mood={(value - 1) / (scale - 1)} />
              <span className="label">{pick(l.vi, l.en)}</span>
            </button>
          );
        })}
      </div>
      {typing && reasons.length > 0 && (
        <div className="rating-reasons">
          <h3>{t.reasonsTitle}</h3>
          <div className="reasons">
            {reasons.map((r) => (
              <button
                type="button"
                key={r.code}
                className={chosen.includes(r.code) ? 'on' : ''}
                aria-pressed={chosen.includes(r.code)}
                onClick={() => setChosen(chosen.includes(r.code) ? chosen.filter((c) => c !== r.code) : [...chosen, r.code])}
              >
                {pick(r.vi, r.en)}
              </button>
            ))}
          </div>
        </div>
      )}
      {typing && (
        <div className="rating-comment">
          {keyboard ? (
            <>
              <div className="comment-box" aria-label={t.comment}>
                {comment || <span style={{ color: '#8a96a3' }}>{t.comment}</span>}
              </div>
              <VietnameseKeyboard value={comment} onChange={setComment} maxLength={500} />
            </>
          ) : (
            <textarea aria-label={t.comment} placeholder={t.comment} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
          )}
        </div>
      )}
      <div className="rating-send">
        {failure.error && <div className="error-banner">{errorText(failure.error, lang)}</div>}
        <button type="button" className="btn-primary send" disabled={score === null || sending} onClick={submit} data-action="send">
          {t.send}
        </button>
      </div>
    </div>
  );
}
