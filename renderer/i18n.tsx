// Vietnamese first, English complete: `en` is typed from `vi`, so a missing English string is a
// compile error rather than a blank on screen.
import { createContext, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { errorCatalog, isErrorCode } from '../shared/errors';

const vi = {
  appName: 'Hệ thống xếp hàng Một cửa',
  chooseService: 'Mời quý công dân chọn dịch vụ',
  waiting: 'Đang chờ',
  people: 'người',
  minutes: 'phút',
  etaAbout: 'Dự kiến chờ khoảng',
  closed: 'Ngoài giờ tiếp nhận',
  closedHours: 'Giờ tiếp nhận',
  full: 'Đã hết số hôm nay',
  inactive: 'Tạm ngừng',
  priorityQuestion: 'Quý vị có thuộc đối tượng ưu tiên không?',
  noPriority: 'Không thuộc đối tượng ưu tiên',
  back: 'Quay lại',
  yourNumber: 'Số thứ tự của quý vị',
  service: 'Dịch vụ',
  ahead: 'Số người đang chờ trước',
  takeTicket: 'Vui lòng nhận phiếu in bên dưới',
  scanToTrack: 'Quét mã để theo dõi lượt gọi trên điện thoại',
  done: 'Xong',
  rate: 'Đánh giá',
  rateTitle: 'Đánh giá mức độ hài lòng',
  enterNumber: 'Nhập số thứ tự trên phiếu',
  orScan: 'hoặc quét mã QR trên phiếu',
  find: 'Tìm',
  clear: 'Xóa',
  notFound: 'Không tìm thấy phiếu',
  notRatable: 'Phiếu này chưa được phục vụ xong nên chưa thể đánh giá',
  alreadyRated: 'Phiếu này đã được đánh giá. Xin cảm ơn!',
  servedBy: 'Quý vị vừa được phục vụ bởi',
  counter: 'Quầy',
  number: 'Số',
  reasonsTitle: 'Lý do (không bắt buộc)',
  comment: 'Góp ý thêm (không bắt buộc)',
  send: 'Gửi đánh giá',
  skipStep: 'Bỏ qua',
  thanks: 'Xin cảm ơn quý công dân đã đánh giá!',
  welcome: 'Xin kính chào quý công dân',
  nowCalling: 'Mời công dân có số',
  toCounter: 'đến',
  recentCalls: 'Số vừa gọi',
  waitingByService: 'Đang chờ theo dịch vụ',
  counterClosed: 'Chưa mở',
  counterPaused: 'Tạm dừng',
  offline: 'Mất kết nối — đang kết nối lại…',
  signIn: 'Đăng nhập quầy',
  chooseCounter: 'Chọn quầy',
  chooseOfficer: 'Chọn cán bộ',
  pin: 'Mã PIN',
  signOut: 'Đăng xuất',
  next: 'Gọi tiếp',
  recall: 'Gọi lại',
  skip: 'Bỏ qua',
  park: 'Tạm giữ',
  transfer: 'Chuyển',
  finish: 'Hoàn thành',
  pause: 'Tạm dừng',
  resume: 'Tiếp tục',
  start: 'Bắt đầu phục vụ',
  current: 'Đang phục vụ',
  noCurrent: 'Chưa gọi ai',
  waitingList: 'Danh sách chờ',
  parked: 'Đang tạm giữ',
  skipped: 'Vắng mặt',
  callThis: 'Gọi',
  callBack: 'Gọi lại vào quầy',
  reactivate: 'Cho vào lại hàng chờ',
  servedToday: 'Đã phục vụ hôm nay',
  pauseReason: 'Lý do tạm dừng',
  transferTo: 'Chuyển đến',
  toService: 'Dịch vụ',
  toCounterLabel: 'Quầy',
  cancel: 'Hủy',
  dossierCode: 'Mã hồ sơ (nếu có)',
  stateWaiting: 'Đang chờ',
  stateCalled: 'Đang được mời',
  stateServing: 'Đang được phục vụ',
  stateDone: 'Đã phục vụ xong',
  stateSkipped: 'Vắng mặt khi được gọi',
  stateParked: 'Tạm giữ',
  stateTransferred: 'Đã chuyển',
  stateCancelled: 'Đã hủy',
  stateExpired: 'Hết hiệu lực (đã hết ngày làm việc)',
  reportExpired: 'Hết ngày',
  reportExpiredHint: 'Còn chờ, đang gọi hoặc tạm giữ khi hết ngày làm việc: chưa được phục vụ',
  calledNow: 'Mời quý vị đến',
  trackTitle: 'Theo dõi số thứ tự',
  rated: 'Đã đánh giá. Xin cảm ơn!',
  keyboardHint: 'Chọn dấu sau khi gõ chữ',
  screens: 'Các màn hình',
  kiosk: 'Kiosk lấy số',
  display: 'Màn hình gọi số',
  counterScreen: 'Màn hình quầy',
  ratingScreen: 'Máy đánh giá tại quầy',
  language: 'English',
  error: 'Có lỗi xảy ra',
  shortcuts: 'Phím tắt',
  noPrinter: 'số thứ tự vẫn hiện trên màn hình, quý vị vui lòng ghi nhớ hoặc chụp lại',
  printFailed: 'Phiếu in lỗi',
  reprint: 'In lại',
};

export type Dict = typeof vi;

const en: Dict = {
  appName: 'One-stop queue system',
  chooseService: 'Please choose a service',
  waiting: 'Waiting',
  people: 'people',
  minutes: 'min',
  etaAbout: 'Estimated wait about',
  closed: 'Outside opening hours',
  closedHours: 'Opening hours',
  full: 'No more numbers today',
  inactive: 'Not available',
  priorityQuestion: 'Do you belong to a priority group?',
  noPriority: 'No priority',
  back: 'Back',
  yourNumber: 'Your number',
  service: 'Service',
  ahead: 'People ahead of you',
  takeTicket: 'Please take your printed ticket below',
  scanToTrack: 'Scan to follow your turn on your phone',
  done: 'Done',
  rate: 'Rate us',
  rateTitle: 'How satisfied are you?',
  enterNumber: 'Enter the number on your ticket',
  orScan: 'or scan the QR code on your ticket',
  find: 'Find',
  clear: 'Clear',
  notFound: 'Ticket not found',
  notRatable: 'This ticket has not been served yet',
  alreadyRated: 'This ticket has already been rated. Thank you!',
  servedBy: 'You were just served by',
  counter: 'Counter',
  number: 'Number',
  reasonsTitle: 'Reasons (optional)',
  comment: 'Further comments (optional)',
  send: 'Send rating',
  skipStep: 'Skip',
  thanks: 'Thank you for your feedback!',
  welcome: 'Welcome',
  nowCalling: 'Now calling number',
  toCounter: 'to',
  recentCalls: 'Recent calls',
  waitingByService: 'Waiting by service',
  counterClosed: 'Closed',
  counterPaused: 'Paused',
  offline: 'Connection lost — reconnecting…',
  signIn: 'Counter sign-in',
  chooseCounter: 'Choose counter',
  chooseOfficer: 'Choose officer',
  pin: 'PIN',
  signOut: 'Sign out',
  next: 'Call next',
  recall: 'Recall',
  skip: 'No-show',
  park: 'Hold',
  transfer: 'Transfer',
  finish: 'Finish',
  pause: 'Pause',
  resume: 'Resume',
  start: 'Start serving',
  current: 'Now serving',
  noCurrent: 'Nobody called yet',
  waitingList: 'Waiting list',
  parked: 'On hold',
  skipped: 'No-shows',
  callThis: 'Call',
  callBack: 'Call back',
  reactivate: 'Back into the queue',
  servedToday: 'Served today',
  pauseReason: 'Reason for pausing',
  transferTo: 'Transfer to',
  toService: 'Service',
  toCounterLabel: 'Counter',
  cancel: 'Cancel',
  dossierCode: 'Dossier code (optional)',
  stateWaiting: 'Waiting',
  stateCalled: 'Being called',
  stateServing: 'Being served',
  stateDone: 'Done',
  stateSkipped: 'Missed the call',
  stateParked: 'On hold',
  stateTransferred: 'Transferred',
  stateCancelled: 'Cancelled',
  stateExpired: 'Expired (the business day ended)',
  reportExpired: 'Day ended',
  reportExpiredHint: 'Still waiting, called or on hold when the business day closed: not served',
  calledNow: 'Please go to',
  trackTitle: 'Follow your number',
  rated: 'Rated. Thank you!',
  keyboardHint: 'Pick the tone mark after the letter',
  screens: 'Screens',
  kiosk: 'Ticket kiosk',
  display: 'Call display',
  counterScreen: 'Counter screen',
  ratingScreen: 'Counter rating tablet',
  language: 'Tiếng Việt',
  error: 'Something went wrong',
  shortcuts: 'Shortcuts',
  noPrinter: 'your number is shown on screen; please note it or take a photo',
  printFailed: 'Failed prints',
  reprint: 'Reprint',
};

export type Lang = 'vi' | 'en';
const dicts: Record<Lang, Dict> = { vi, en };

interface LangCtx {
  lang: Lang;
  t: Dict;
  setLang: (l: Lang) => void;
  /** Pick the Vietnamese or English variant of a data field. */
  pick: (viText: string, enText: string) => string;
}

const Ctx = createContext<LangCtx>({ lang: 'vi', t: vi, setLang: () => undefined, pick: (v) => v });

export function LangProvider({ children, initial = 'vi' }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLang] = useState<Lang>(initial);
  const value = useMemo(() => ({ lang, t: dicts[lang], setLang, pick: (v: string, e: string) => (lang === 'en' && e ? e : v) }), [lang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export const useLang = () => useContext(Ctx);

export function stateLabel(t: Dict, state: string): string {
  const key = `state${state.charAt(0).toUpperCase()}${state.slice(1)}` as keyof Dict;
  return t[key] ?? state;
}

/**
 * An error from the host in the screen's language: the catalogue's text for its typed code (the
 * host's own Vietnamese message may be more specific, so Vietnamese keeps it).
 */
export function errorText(e: unknown, lang: Lang): string {
  const code = (e as { code?: unknown } | null)?.code;
  const message = e instanceof Error ? e.message : String(e);
  if (typeof code !== 'string' || !isErrorCode(code)) return message;
  return lang === 'en' ? errorCatalog[code].en : message || errorCatalog[code].vi;
}
