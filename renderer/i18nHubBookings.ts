// Strings of the province reports page's bookings tab (#30), in both languages; English typed from Vietnamese.

export const hubBookingsVi = {
  tab: 'Lịch hẹn trực tuyến',
  colOffice: 'Đơn vị',
  colProcedure: 'Thủ tục',
  made: 'Đã đặt',
  checkedIn: 'Đã đến',
  late: 'Đến muộn',
  missed: 'Lỡ hẹn',
  cancelled: 'Đã huỷ',
  booked: 'Còn hẹn',
  capacity: 'Chỗ đã mở',
  taken: 'Chỗ đã đặt',
  use: 'Sử dụng chỗ',
  total: 'Tổng cộng',
  empty: 'Không có lịch hẹn trực tuyến nào trong kỳ này.',
  note: 'Theo ngày của khung giờ hẹn. “Đến muộn”: đến sau khung cho phép, được cấp số thường. Sử dụng chỗ: chỗ đã đặt (không tính lịch đã huỷ) trên số chỗ văn phòng mở cho đặt lịch trực tuyến.',
};

export type HubBookingsDict = typeof hubBookingsVi;

export const hubBookingsEn: HubBookingsDict = {
  tab: 'Online bookings',
  colOffice: 'Office',
  colProcedure: 'Procedure',
  made: 'Booked',
  checkedIn: 'Came',
  late: 'Late',
  missed: 'Missed',
  cancelled: 'Cancelled',
  booked: 'Still booked',
  capacity: 'Places offered',
  taken: 'Places taken',
  use: 'Slot use',
  total: 'Total',
  empty: 'No online bookings in this period.',
  note: 'By the day of the slot. “Late”: came after the window and got an ordinary number. Slot use: places taken (cancelled bookings not counted) over the places the office offered for online booking.',
};
