// Strings of the admin's kiosk printers section (issue #15), in both languages.
import type { Lang } from './i18n';

const vi = {
  title: 'Máy in riêng của từng kiosk',
  intro: 'Phiếu in ở máy in của kiosk đã cấp phiếu. Kiosk chưa có máy in riêng in ở máy in của máy chủ.',
  none: 'Chưa có kiosk nào được đăng ký.',
  connection: 'Máy in riêng',
  useHost: 'Không có (in ở máy chủ)',
  viaAgent: 'Máy in cắm vào máy kiosk (qua chương trình in)',
  viaNetwork: 'Máy in mạng (TCP 9100)',
  agentDevice: 'Chương trình in đã đăng ký',
  agentHelp: 'Trên máy kiosk chạy: npm run print-agent -- --host <địa chỉ máy chủ> --pair <mã ghép nối Kiosk> --printer usb:/dev/usb/lp0',
  noAgents: 'Chưa có chương trình in nào đăng ký: tạo mã ghép nối loại Kiosk, rồi chạy lệnh trên máy kiosk.',
  address: 'Địa chỉ máy in (IP)',
  port: 'Cổng',
  model: 'Mẫu máy in',
  paper: 'Khổ giấy',
  encoding: 'Bảng mã tiếng Việt',
  save: 'Lưu',
  test: 'In trang thử',
  saved: 'Đã lưu',
  testSent: 'Đã gửi trang in thử',
  agentOnline: 'chương trình in đang kết nối',
  agentOffline: 'chương trình in chưa kết nối',
};
export type KioskPrinterDict = typeof vi;

const en: KioskPrinterDict = {
  title: "Each kiosk's own printer",
  intro: "A ticket prints on the printer of the kiosk that issued it. A kiosk without its own printer prints on the host's.",
  none: 'No kiosk is enrolled yet.',
  connection: 'Own printer',
  useHost: "None (print on the host's)",
  viaAgent: 'Printer plugged into the kiosk PC (through the print agent)',
  viaNetwork: 'Network printer (TCP 9100)',
  agentDevice: 'Enrolled print agent',
  agentHelp: 'On the kiosk PC run: npm run print-agent -- --host <host address> --pair <Kiosk pairing code> --printer usb:/dev/usb/lp0',
  noAgents: 'No print agent is enrolled: make a Kiosk pairing code, then run the command on the kiosk PC.',
  address: 'Printer address (IP)',
  port: 'Port',
  model: 'Printer model',
  paper: 'Paper width',
  encoding: 'Vietnamese encoding',
  save: 'Save',
  test: 'Print a test page',
  saved: 'Saved',
  testSent: 'Test page sent',
  agentOnline: 'print agent connected',
  agentOffline: 'print agent not connected',
};

export const kioskPrinterText = (lang: Lang): KioskPrinterDict => (lang === 'en' ? en : vi);
