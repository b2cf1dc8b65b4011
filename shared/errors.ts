// Stable error codes: screens translate them, tests assert on them, HTTP maps them to a status.
export const errorCatalog = {
  BAD_REQUEST: { status: 400, vi: 'Yêu cầu không hợp lệ', en: 'Invalid request' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn', en: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, vi: 'Chỉ nhận dữ liệu JSON', en: 'Only JSON is accepted' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy', en: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  UNAUTHORIZED: { status: 401, vi: 'Cần đăng nhập', en: 'Sign-in required' },
  FORBIDDEN: { status: 403, vi: 'Không có quyền thực hiện', en: 'Not allowed' },
  INVALID_PIN: { status: 401, vi: 'Mã PIN không đúng', en: 'Wrong PIN' },
  INVALID_PASSWORD: { status: 401, vi: 'Mật khẩu không đúng', en: 'Wrong password' },
  OFFICER_LOCKED: { status: 423, vi: 'Tạm khóa do nhập sai PIN nhiều lần, vui lòng thử lại sau', en: 'Locked after repeated wrong PINs; try again later' },
  PIN_CHECK_BUSY: { status: 429, vi: 'Mã PIN vừa nhập trên máy này đang được kiểm tra; vui lòng chờ kết quả', en: 'A PIN typed on this device is still being checked; wait for its answer' },
  RATE_LIMITED: { status: 429, vi: 'Thao tác quá nhanh, vui lòng chờ giây lát', en: 'Too many requests; please wait' },
  SERVICE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy dịch vụ', en: 'Service not found' },
  SERVICE_INACTIVE: { status: 409, vi: 'Dịch vụ tạm ngừng tiếp nhận', en: 'Service is not available' },
  SERVICE_CLOSED: { status: 409, vi: 'Ngoài giờ tiếp nhận của dịch vụ', en: 'Outside the service opening hours' },
  QUOTA_REACHED: { status: 409, vi: 'Đã hết số thứ tự trong ngày cho dịch vụ này', en: 'Daily quota reached for this service' },
  RANGE_EXHAUSTED: { status: 409, vi: 'Đã hết dải số của dịch vụ trong ngày', en: 'Number range exhausted for today' },
  // Check-in by scan at the kiosk (#30).
  SCAN_UNKNOWN: {
    status: 400,
    vi: 'Không nhận ra mã vừa quét. Hãy quét mã QR trên thẻ căn cước, mã hồ sơ trên giấy hẹn trả kết quả, hoặc lấy số thường',
    en: 'That code was not recognised. Scan your ID card’s QR, the dossier code on your receipt, or take an ordinary number',
  },
  ID_QR_INVALID: {
    status: 400,
    vi: 'Không đọc được mã QR trên thẻ căn cước (thông tin không đúng dạng). Hãy quét lại hoặc lấy số thường',
    en: 'The ID card QR could not be read (its fields are not in the right form). Scan again or take an ordinary number',
  },
  BOOKING_NOT_AVAILABLE: {
    status: 409,
    vi: 'Văn phòng chưa nhận lịch hẹn trực tuyến. Vui lòng lấy số thường',
    en: 'This office does not take online appointments yet. Please take an ordinary number',
  },
  // Appointments (#30).
  BOOKING_UNKNOWN: { status: 404, vi: 'Không tìm thấy lịch hẹn với mã này. Hãy kiểm tra lại mã, hoặc lấy số thường', en: 'No appointment has this code. Check the code, or take an ordinary number' },
  BOOKING_CODE_LOCKED: { status: 429, vi: 'Nhập sai mã lịch hẹn quá nhiều lần; vui lòng hỏi cán bộ hoặc lấy số thường', en: 'Too many wrong appointment codes; please ask a member of staff or take an ordinary number' },
  BOOKING_CANCELLED: { status: 409, vi: 'Lịch hẹn này đã bị hủy. Vui lòng lấy số thường', en: 'This appointment was cancelled. Please take an ordinary number' },
  BOOKING_USED: { status: 409, vi: 'Lịch hẹn này đã được dùng để lấy số', en: 'This appointment has already been used to take a number' },
  BOOKING_MISSED: { status: 409, vi: 'Lịch hẹn này đã bị bỏ lỡ. Vui lòng lấy số thường', en: 'This appointment was missed. Please take an ordinary number' },
  BOOKING_OTHER_DAY: { status: 409, vi: 'Lịch hẹn này không phải của hôm nay. Vui lòng đến đúng ngày hẹn', en: 'This appointment is not for today. Please come on the day of your appointment' },
  BOOKING_TOO_EARLY: { status: 409, vi: 'Bạn đến sớm quá so với giờ hẹn. Vui lòng quay lại gần giờ hẹn để lấy số', en: 'You are too early for your appointment. Please come back closer to its time' },
  BOOKING_NOT_CHECKED_IN: { status: 409, vi: 'Lịch hẹn chưa được lấy số, không có gì để hoàn tác', en: 'This appointment has not been checked in; there is nothing to undo' },
  BOOKING_TICKET_CALLED: { status: 409, vi: 'Phiếu của lịch hẹn đã được gọi, không hoàn tác được', en: 'The appointment’s ticket has already been called; the check-in cannot be undone' },
  APPOINTMENTS_OFF: { status: 409, vi: 'Dịch vụ này không nhận lịch hẹn', en: 'This service does not take appointments' },
  SLOT_UNKNOWN: { status: 400, vi: 'Khung giờ hẹn không có trong lịch của dịch vụ hoặc đã qua', en: 'That slot is not in the service’s plan, or it has passed' },
  SLOT_FULL: { status: 409, vi: 'Khung giờ này đã hết chỗ. Vui lòng chọn giờ khác', en: 'This slot is full. Please choose another time' },
  ID_NUMBER_INVALID: { status: 400, vi: 'Số định danh cá nhân phải gồm đúng 12 chữ số', en: 'A personal ID number is exactly 12 digits' },
  BOOKING_IMPORT_INVALID: { status: 400, vi: 'Tệp lịch hẹn có dòng không hợp lệ; chưa nhập dòng nào', en: 'The bookings file has invalid rows; nothing was imported' },
  PRIORITY_UNKNOWN: { status: 400, vi: 'Đối tượng ưu tiên không hợp lệ', en: 'Unknown priority group' },
  PAUSE_REASON_UNKNOWN: { status: 400, vi: 'Lý do tạm dừng không có trong danh sách của đơn vị', en: 'Not one of the office’s pause reasons' },
  TICKET_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phiếu', en: 'Ticket not found' },
  INVALID_STATE: { status: 409, vi: 'Phiếu không ở trạng thái cho phép thao tác này', en: 'Ticket is not in a state that allows this' },
  SKIP_TOO_EARLY: {
    status: 409,
    vi: 'Chưa thể bỏ qua: hãy gọi lại công dân một lần nữa hoặc chờ đủ thời gian tối thiểu sau khi gọi',
    en: 'Too early for a no-show: recall the citizen once more or wait the minimum time after the call',
  },
  NOT_AT_COUNTER: { status: 409, vi: 'Phiếu không thuộc quầy này', en: 'Ticket is not at this counter' },
  COUNTER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy quầy', en: 'Counter not found' },
  COUNTER_CLOSED: { status: 409, vi: 'Quầy chưa mở (chưa có cán bộ đăng nhập)', en: 'Counter is not open' },
  COUNTER_PAUSED: { status: 409, vi: 'Quầy đang tạm dừng', en: 'Counter is paused' },
  COUNTER_TAKEN: { status: 409, vi: 'Quầy đang có cán bộ khác đăng nhập', en: 'Another officer is signed in at this counter' },
  COUNTER_BUSY: { status: 409, vi: 'Quầy đang phục vụ một công dân', en: 'Counter is serving someone' },
  QUEUE_EMPTY: { status: 409, vi: 'Không còn công dân chờ', en: 'Nobody is waiting' },
  GROUP_NOT_FOUND: { status: 404, vi: 'Không tìm thấy nhóm dịch vụ', en: 'Service group not found' },
  ZONE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy khu vực', en: 'Zone not found' },
  ZONE_HAS_COUNTERS: { status: 409, vi: 'Khu vực còn quầy; hãy chuyển các quầy sang khu vực khác trước', en: 'The zone still has counters; move them to another zone first' },
  LAST_ZONE: { status: 409, vi: 'Không thể xóa khu vực duy nhất của đơn vị', en: 'The office’s only zone cannot be deleted' },
  OFFICER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy cán bộ', en: 'Officer not found' },
  NOT_RATABLE: { status: 409, vi: 'Chỉ đánh giá được sau khi đã được phục vụ xong', en: 'Only a finished ticket can be rated' },
  WRONG_CHECK_CODE: { status: 403, vi: 'Mã phiếu không đúng', en: 'Wrong ticket code' },
  CHECK_CODE_LOCKED: { status: 429, vi: 'Nhập sai mã phiếu quá nhiều lần; vui lòng quét mã QR trên phiếu', en: 'Too many wrong ticket codes; please scan the QR code on the ticket' },
  ALREADY_RATED: { status: 409, vi: 'Phiếu này đã được đánh giá', en: 'This ticket has already been rated' },
  SCORE_OUT_OF_SCALE: { status: 400, vi: 'Mức đánh giá không hợp lệ', en: 'Score outside the rating scale' },
  TRANSFER_TARGET_INVALID: { status: 400, vi: 'Nơi chuyển đến không hợp lệ', en: 'Invalid transfer target' },
  TRANSFER_COUNTER_CLOSED: { status: 409, vi: 'Quầy chuyển đến đang đóng (không có cán bộ). Hãy chuyển vào hàng chờ của dịch vụ.', en: 'That counter is closed (nobody signed in). Transfer to the service queue instead.' },
  TRANSFER_COUNTER_WRONG_SERVICE: { status: 409, vi: 'Quầy chuyển đến không phục vụ dịch vụ của phiếu này. Hãy chuyển vào hàng chờ của dịch vụ.', en: 'That counter does not serve this ticket\'s service. Transfer to the service queue instead.' },
  TICKET_EXPIRED: { status: 409, vi: 'Phiếu thuộc ngày làm việc trước, đã hết hiệu lực', en: 'This ticket belongs to a previous business day and has expired' },
  DUPLICATE: { status: 409, vi: 'Đã có mục với mã hoặc số này', en: 'An item with this code or number already exists' },
  STORAGE_FULL: { status: 507, vi: 'Bộ nhớ máy chủ đã đầy, vui lòng báo cán bộ', en: 'Host storage is full' },
  DATABASE_DAMAGED: {
    status: 503,
    vi: 'Dữ liệu số thứ tự bị hỏng sau sự cố; tạm ngừng cấp số cho đến khi quản trị xác nhận số cuối đã phát. Vui lòng báo cán bộ',
    en: 'Queue data was damaged after a failure; numbers are not issued until the admin confirms the last numbers handed out. Please tell a member of staff',
  },
  DATABASE_BUSY: { status: 503, vi: 'Hệ thống đang bận, vui lòng thử lại', en: 'System busy, please retry' },
  TOO_MANY_CONNECTIONS: { status: 503, vi: 'Máy chủ đang có quá nhiều kết nối, vui lòng thử lại sau', en: 'Too many connections, please retry later' },
  DEVICE_NOT_ENROLLED: { status: 403, vi: 'Thiết bị này chưa được đăng ký với hệ thống', en: 'This device is not enrolled' },
  DEVICE_ROLE: { status: 403, vi: 'Thiết bị này không được dùng cho chức năng này', en: 'This device may not do this' },
  // The province hub (#29).
  JOIN_CODE_INVALID: { status: 400, vi: 'Mã kết nối tỉnh không đúng, đã dùng hoặc đã hết hạn', en: 'Hub join code is wrong, used or expired' },
  JOIN_CODE_LOCKED: { status: 429, vi: 'Nhập sai mã kết nối quá nhiều lần, vui lòng thử lại sau', en: 'Too many wrong join codes; try again later' },
  HUB_CREDENTIAL_INVALID: { status: 401, vi: 'Hub không nhận ra văn phòng này', en: 'The hub does not recognise this office' },
  OFFICE_REVOKED: { status: 403, vi: 'Tỉnh đã ngắt kết nối văn phòng này', en: 'The province has revoked this office' },
  BATCH_MALFORMED: { status: 400, vi: 'Gói dữ liệu đồng bộ không hợp lệ', en: 'Malformed sync batch' },
  SEQUENCE_GAP: { status: 409, vi: 'Gói dữ liệu bị hở số thứ tự sự kiện', en: 'Sync batch leaves a sequence gap' },
  EVENT_FROM_FUTURE: { status: 422, vi: 'Sự kiện có thời điểm ở tương lai: đồng hồ văn phòng sai', en: 'Event stamped in the future: the office clock is wrong' },
  // The province's catalogue (#29).
  CATALOGUE_INVALID: { status: 400, vi: 'Tệp danh mục thủ tục của tỉnh không hợp lệ; chưa công bố gì', en: 'The province catalogue file is invalid; nothing was published' },
  CATALOGUE_NOT_PULLED: { status: 409, vi: 'Văn phòng chưa nhận được phiên bản danh mục này từ tỉnh', en: 'This office has not received that catalogue version' },
  CATALOGUE_CHOICE_NEEDED: { status: 409, vi: 'Còn mục xung đột chưa chọn giữ bản của văn phòng hay lấy bản của tỉnh', en: 'Some conflicts still need a choice: keep the office’s version or take the province’s' },
  // Bookings from home on the province hub (#30).
  BOOKING_NOT_CANCELLABLE: { status: 409, vi: 'Lịch hẹn này không huỷ được nữa (đã huỷ, đã đến làm thủ tục hoặc đã qua giờ hẹn)', en: 'This appointment can no longer be cancelled (already cancelled, used or past its time)' },
  BOOKING_LIMIT: { status: 429, vi: 'Đã đạt số lịch hẹn được đặt trong ngày. Vui lòng thử lại vào ngày mai hoặc đến lấy số trực tiếp', en: 'The number of bookings allowed today has been reached. Try again tomorrow or take a number at the office' },
  BOOKING_NO_SHOW_LIMIT: {
    status: 403,
    vi: 'Số điện thoại hoặc kết nối này đã bỏ lỡ nhiều lịch hẹn trong 90 ngày qua nên tạm không đặt lịch trực tuyến được. Vui lòng đến lấy số trực tiếp',
    en: 'This phone number or connection has missed several appointments in the last 90 days, so it cannot book online for now. Please take a number at the office',
  },
  // The office's own recorded voice (#31).
  VOICE_NOT_AUDIO: { status: 400, vi: 'Tệp ghi âm không phải âm thanh WAV dùng được', en: 'The recording is not a usable WAV audio file' },
  VOICE_CLIP_TOO_LONG: { status: 400, vi: 'Đoạn ghi âm dài quá 10 giây', en: 'The recording is longer than 10 seconds' },
  VOICE_CLIP_TOO_BIG: { status: 400, vi: 'Tệp ghi âm lớn quá 1 MB', en: 'The recording is larger than 1 MB' },
  VOICE_CLIP_UNKNOWN: { status: 404, vi: 'Không có đoạn đọc này trong lời gọi số', en: 'No such announcement clip' },
  LANG_PACK_INVALID: { status: 400, vi: 'Gói ngôn ngữ không hợp lệ; các ngôn ngữ đang dùng giữ nguyên', en: 'Invalid language pack; the languages in use are unchanged' },
  LANG_PACK_NOT_FOUND: { status: 404, vi: 'Không có gói ngôn ngữ này', en: 'No such language pack' },
  VOICE_PACK_INVALID: { status: 400, vi: 'Gói giọng đọc không hợp lệ; giọng đọc hiện tại giữ nguyên', en: 'Invalid voice pack; the current voice is unchanged' },
  PAIRING_CODE_INVALID: { status: 400, vi: 'Mã ghép nối không đúng hoặc đã hết hạn', en: 'Pairing code is wrong or expired' },
  SETUP_REQUIRED: { status: 409, vi: 'Hệ thống chưa được cài đặt lần đầu', en: 'First-time setup has not been done' },
  SETUP_TOKEN_INVALID: { status: 403, vi: 'Liên kết cài đặt không đúng hoặc đã hết hạn', en: 'Setup link is wrong or expired' },
  SETUP_INVALID: { status: 400, vi: 'Một số ô chưa đúng; xem thông báo ở từng ô', en: 'Some fields need attention; see the message at each' },
  WEAK_PASSWORD: { status: 400, vi: 'Mật khẩu quá dễ đoán', en: 'Password is too easy to guess' },
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống', en: 'Internal error' },
} as const;

export type ErrorCode = keyof typeof errorCatalog;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? errorCatalog[code].vi);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return errorCatalog[this.code].status;
  }
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.prototype.hasOwnProperty.call(errorCatalog, value);
}
