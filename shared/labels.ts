// Fixed labels shown on screens, kept free of zod so the browser bundle can import them cheaply.

export const PAUSE_REASONS = [
  { code: 'break', vi: 'Nghỉ giải lao', en: 'Break' },
  { code: 'meeting', vi: 'Họp đột xuất', en: 'Unscheduled meeting' },
  { code: 'urgent', vi: 'Xử lý công việc khẩn cấp', en: 'Urgent work' },
  { code: 'helping', vi: 'Hỗ trợ đồng nghiệp', en: 'Helping a colleague' },
  { code: 'other', vi: 'Khác', en: 'Other' },
] as const;

/** Rating level labels, best first, for each supported scale. Score = levels … 1, higher is better. */
export const RATING_LABELS: Record<3 | 4 | 5, { vi: string; en: string }[]> = {
  3: [
    { vi: 'Hài lòng', en: 'Satisfied' },
    { vi: 'Bình thường', en: 'Neutral' },
    { vi: 'Không hài lòng', en: 'Dissatisfied' },
  ],
  4: [
    { vi: 'Rất hài lòng', en: 'Very satisfied' },
    { vi: 'Hài lòng', en: 'Satisfied' },
    { vi: 'Bình thường', en: 'Neutral' },
    { vi: 'Không hài lòng', en: 'Dissatisfied' },
  ],
  5: [
    { vi: 'Rất hài lòng', en: 'Very satisfied' },
    { vi: 'Hài lòng', en: 'Satisfied' },
    { vi: 'Bình thường', en: 'Neutral' },
    { vi: 'Không hài lòng', en: 'Dissatisfied' },
    { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
  ],
};
