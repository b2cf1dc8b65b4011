import type Database from 'better-sqlite3';
import type { OfficeConfig } from '../../../shared/domain';

// A sample provincial Public Administration Service Centre (issue #15): 20 departments and sectors,
// 100 procedures, two floors, 40 counters, 40 officers. Used by tests, screenshots and benches
// (`MOTCUA_SEED=centre`); the ward office stays the default first-run seed.

interface GroupSeed {
  vi: string;
  en: string;
  icon: string;
  /** Zone (floor) of the group's two counters. */
  zone: 1 | 2;
  /** What to bring, for every procedure of the group unless the procedure says otherwise. */
  documents: string[];
  /** The same list in English, for the kiosk's English screens. */
  documentsEn: string[];
  services: [vi: string, en: string, description: string, descriptionEn: string][];
}

const ID = 'Căn cước (hoặc hộ chiếu) của người nộp';
const ID_EN = 'The applicant’s ID card (or passport)';

const GROUPS: GroupSeed[] = [
  {
    vi: 'Sở Tư pháp', en: 'Department of Justice', icon: 'scales', zone: 1,
    documents: ['Tờ khai theo mẫu', ID, 'Giấy tờ chứng minh nơi cư trú'],
    documentsEn: ['Application form (official template)', ID_EN, 'Proof of residence'],
    services: [
      ['Cấp Phiếu lý lịch tư pháp', 'Criminal record certificate', 'Phiếu số 1 hoặc số 2, cho công dân Việt Nam và người nước ngoài', 'Certificate no. 1 or no. 2, for Vietnamese citizens and foreigners'],
      ['Đăng ký khai sinh có yếu tố nước ngoài', 'Birth registration with a foreign element', 'Trẻ em có cha hoặc mẹ là người nước ngoài', 'For a child whose father or mother is a foreign national'],
      ['Đăng ký kết hôn có yếu tố nước ngoài', 'Marriage registration with a foreign element', 'Hai bên có mặt khi nhận giấy chứng nhận kết hôn', 'Both partners must be present to receive the marriage certificate'],
      ['Chứng thực bản sao từ bản chính', 'Certified copies from originals', 'Mang theo bản chính để đối chiếu', 'Bring the originals so the copies can be checked against them'],
      ['Cấp chứng chỉ hành nghề công chứng, luật sư', 'Notary and lawyer practising certificates', 'Sau khi có kết quả kiểm tra tập sự', 'Once the result of the apprenticeship examination is out'],
    ],
  },
  {
    vi: 'Đất đai', en: 'Land', icon: 'land', zone: 1,
    documents: ['Đơn đăng ký theo Mẫu 11/ĐK', 'Giấy chứng nhận quyền sử dụng đất (bản gốc)', ID],
    documentsEn: ['Registration form no. 11/ĐK', 'Land use right certificate (original)', ID_EN],
    services: [
      ['Đăng ký biến động đất đai', 'Registering a change of land use rights', 'Đổi tên, thay đổi diện tích, mục đích sử dụng', 'Change of owner’s name, plot area or permitted land use'],
      ['Cấp Giấy chứng nhận quyền sử dụng đất lần đầu', 'First land use right certificate', 'Cho đất chưa có “sổ đỏ”', 'For land that has no land use certificate (“red book”) yet'],
      ['Chuyển nhượng, tặng cho quyền sử dụng đất', 'Transfer or gift of land use rights', 'Kèm hợp đồng đã công chứng', 'Bring the notarised transfer or gift contract'],
      ['Tách thửa, hợp thửa đất', 'Splitting or merging land plots', 'Kèm bản vẽ trích đo địa chính', 'Bring the cadastral survey drawing of the plot'],
      ['Cung cấp thông tin, dữ liệu đất đai', 'Land information and records', 'Trích lục bản đồ, thông tin thửa đất', 'Map extracts and information on a land plot'],
    ],
  },
  {
    vi: 'Sở Tài nguyên và Môi trường', en: 'Department of Natural Resources and Environment', icon: 'tree', zone: 1,
    documents: ['Văn bản đề nghị theo mẫu', 'Báo cáo hoặc hồ sơ kỹ thuật', 'Giấy chứng nhận đăng ký doanh nghiệp'],
    documentsEn: ['Application letter (official template)', 'Technical report or dossier', 'Business registration certificate'],
    services: [
      ['Cấp giấy phép môi trường', 'Environmental permit', 'Cho dự án, cơ sở sản xuất kinh doanh', 'For projects and for production or business premises'],
      ['Thẩm định báo cáo đánh giá tác động môi trường', 'Environmental impact assessment review', 'Dự án thuộc thẩm quyền của tỉnh', 'Projects that the province has the authority to approve'],
      ['Cấp giấy phép khai thác nước dưới đất', 'Groundwater extraction permit', 'Giếng khoan khai thác từ 10 m³/ngày', 'Wells drawing 10 m³ or more a day'],
      ['Cấp giấy phép xả nước thải vào nguồn nước', 'Wastewater discharge permit', 'Kèm kết quả phân tích chất lượng nước', 'Bring the laboratory analysis of the water quality'],
      ['Cấp giấy phép thăm dò khoáng sản', 'Mineral exploration licence', 'Khoáng sản làm vật liệu xây dựng thông thường', 'Minerals used as ordinary building materials'],
    ],
  },
  {
    vi: 'Đăng ký kinh doanh', en: 'Business registration', icon: 'briefcase', zone: 1,
    documents: ['Giấy đề nghị đăng ký doanh nghiệp', 'Điều lệ công ty', 'Căn cước của người đại diện theo pháp luật'],
    documentsEn: ['Business registration application', 'Company charter', 'ID card of the legal representative'],
    services: [
      ['Đăng ký thành lập doanh nghiệp', 'Registering a new company', 'Công ty TNHH, cổ phần, doanh nghiệp tư nhân', 'Limited liability, joint-stock or sole proprietorship companies'],
      ['Thay đổi nội dung đăng ký doanh nghiệp', 'Changing company registration details', 'Địa chỉ, vốn điều lệ, người đại diện', 'Address, charter capital or legal representative'],
      ['Tạm ngừng kinh doanh', 'Suspending business', 'Thông báo trước ít nhất 3 ngày làm việc', 'Give notice at least 3 working days in advance'],
      ['Giải thể doanh nghiệp', 'Dissolving a company', 'Sau khi đã thanh toán hết các khoản nợ', 'Once all of the company’s debts have been paid'],
      ['Đăng ký hộ kinh doanh, hợp tác xã', 'Household business and cooperative registration', 'Tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã', 'Cooperative groups, cooperatives and unions of cooperatives'],
    ],
  },
  {
    vi: 'Sở Xây dựng', en: 'Department of Construction', icon: 'building', zone: 1,
    documents: ['Đơn đề nghị theo mẫu', 'Bản vẽ thiết kế', 'Giấy tờ về quyền sử dụng đất'],
    documentsEn: ['Application form (official template)', 'Design drawings', 'Land use right papers'],
    services: [
      ['Cấp giấy phép xây dựng', 'Building permit', 'Công trình cấp đặc biệt, cấp I, cấp II', 'Special-grade, grade I and grade II works'],
      ['Cấp chứng chỉ hành nghề hoạt động xây dựng', 'Construction practising certificate', 'Thiết kế, giám sát, định giá xây dựng', 'Design, supervision and construction cost appraisal'],
      ['Thẩm định báo cáo nghiên cứu khả thi', 'Feasibility study review', 'Dự án sử dụng vốn đầu tư công', 'Projects funded by public investment'],
      ['Cấp giấy phép di dời công trình', 'Permit to relocate a structure', 'Công trình trong đô thị', 'Structures in urban areas'],
      ['Xác nhận nhà ở hình thành trong tương lai đủ điều kiện bán', 'Off-plan housing sale approval', 'Cho chủ đầu tư dự án nhà ở', 'For developers of housing projects'],
    ],
  },
  {
    vi: 'Giao thông vận tải', en: 'Transport', icon: 'car', zone: 1,
    documents: ['Đơn đề nghị theo mẫu', ID, 'Giấy khám sức khỏe của người lái xe'],
    documentsEn: ['Application form (official template)', ID_EN, 'Driver’s health certificate'],
    services: [
      ['Đổi giấy phép lái xe', 'Renewing a driving licence', 'Giấy phép hết hạn hoặc đổi sang thẻ PET', 'An expired licence, or a paper licence changed to the PET card'],
      ['Cấp lại giấy phép lái xe bị mất', 'Replacing a lost driving licence', 'Kèm ảnh chân dung 3×4', 'Bring a 3×4 cm portrait photo'],
      ['Cấp giấy phép lái xe quốc tế', 'International driving permit', 'Có giá trị tối đa 3 năm', 'Valid for up to 3 years'],
      ['Cấp phù hiệu xe kinh doanh vận tải', 'Commercial transport badge', 'Xe taxi, xe hợp đồng, xe tải', 'Taxis, contract passenger vehicles and trucks'],
      ['Cấp giấy phép kinh doanh vận tải bằng xe ô tô', 'Road transport business licence', 'Cho doanh nghiệp, hợp tác xã', 'For companies and cooperatives'],
    ],
  },
  {
    vi: 'Sở Y tế', en: 'Department of Health', icon: 'health', zone: 1,
    documents: ['Đơn đề nghị theo mẫu', 'Văn bằng chuyên môn (bản sao chứng thực)', 'Giấy chứng nhận đủ sức khỏe'],
    documentsEn: ['Application form (official template)', 'Professional qualifications (certified copy)', 'Health certificate'],
    services: [
      ['Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh', 'Medical practising certificate', 'Bác sĩ, y sĩ, điều dưỡng, hộ sinh', 'Doctors, physician assistants, nurses and midwives'],
      ['Cấp giấy phép hoạt động phòng khám', 'Clinic operating licence', 'Phòng khám đa khoa, chuyên khoa', 'General and specialist clinics'],
      ['Cấp giấy chứng nhận đủ điều kiện kinh doanh dược', 'Pharmacy business certificate', 'Nhà thuốc, quầy thuốc', 'Pharmacies and drug stalls'],
      ['Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 'Food safety certificate', 'Cơ sở sản xuất, kinh doanh thực phẩm', 'Food production and food business premises'],
      ['Cấp chứng chỉ hành nghề dược', 'Pharmacist practising certificate', 'Người phụ trách chuyên môn về dược', 'For the person professionally in charge of a pharmacy'],
    ],
  },
  {
    vi: 'Sở Giáo dục và Đào tạo', en: 'Department of Education and Training', icon: 'education', zone: 1,
    documents: ['Đơn đề nghị theo mẫu', 'Văn bằng, chứng chỉ (bản chính)', ID],
    documentsEn: ['Application form (official template)', 'Diplomas and certificates (originals)', ID_EN],
    services: [
      ['Công nhận văn bằng do cơ sở nước ngoài cấp', 'Recognising foreign diplomas', 'Văn bằng phổ thông', 'Secondary school diplomas'],
      ['Cấp bản sao văn bằng, chứng chỉ từ sổ gốc', 'Copies of diplomas from the master register', 'Bằng tốt nghiệp trung học phổ thông', 'Upper secondary school graduation diplomas'],
      ['Chỉnh sửa nội dung văn bằng, chứng chỉ', 'Correcting a diploma', 'Khi hộ tịch đã được cải chính', 'After a correction in the civil status records'],
      ['Cho phép thành lập trung tâm ngoại ngữ, tin học', 'Licensing a language or IT centre', 'Kèm đề án thành lập', 'Bring the plan for setting up the centre'],
      ['Cấp phép hoạt động giáo dục kỹ năng sống', 'Licensing life-skills education', 'Cho tổ chức, cá nhân', 'For organisations and individuals'],
    ],
  },
  {
    vi: 'Sở Nội vụ', en: 'Department of Home Affairs', icon: 'people', zone: 1,
    documents: ['Tờ khai theo mẫu', ID, 'Giấy tờ liên quan (bản sao chứng thực)'],
    documentsEn: ['Declaration form (official template)', ID_EN, 'Supporting papers (certified copies)'],
    services: [
      ['Cấp giấy phép lao động cho người nước ngoài', 'Work permit for foreigners', 'Người nước ngoài làm việc tại tỉnh', 'Foreign nationals working in the province'],
      ['Giải quyết hưởng trợ cấp thất nghiệp', 'Unemployment benefit', 'Trong 3 tháng kể từ ngày nghỉ việc', 'Within 3 months of leaving your job'],
      ['Xác nhận người có công với cách mạng', 'Confirming meritorious service', 'Thương binh, liệt sĩ, người có công', 'War invalids, martyrs’ families and people of merit'],
      ['Thành lập hội, đổi tên hội', 'Founding or renaming an association', 'Hội có phạm vi hoạt động trong tỉnh', 'Associations that operate within the province'],
      ['Cấp giấy phép hoạt động dịch vụ việc làm', 'Employment service licence', 'Cho doanh nghiệp dịch vụ việc làm', 'For employment service companies'],
    ],
  },
  {
    vi: 'Sở Công Thương', en: 'Department of Industry and Trade', icon: 'factory', zone: 1,
    documents: ['Đơn đề nghị theo mẫu', 'Giấy chứng nhận đăng ký doanh nghiệp', 'Tài liệu chứng minh điều kiện kinh doanh'],
    documentsEn: ['Application form (official template)', 'Business registration certificate', 'Proof that the business meets the conditions'],
    services: [
      ['Cấp giấy phép bán lẻ rượu', 'Alcohol retail licence', 'Rượu có độ cồn từ 5,5 độ trở lên', 'Alcohol of 5.5 % or more'],
      ['Cấp giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu', 'Fuel station certificate', 'Cửa hàng xăng dầu trên địa bàn tỉnh', 'Fuel stations in the province'],
      ['Đăng ký thực hiện khuyến mại', 'Registering a sales promotion', 'Chương trình khuyến mại có thưởng', 'Promotions with prizes'],
      ['Cấp giấy phép bán lẻ sản phẩm thuốc lá', 'Tobacco retail licence', 'Cho thương nhân bán lẻ', 'For tobacco retailers'],
      ['Cấp giấy chứng nhận xuất xứ hàng hóa (C/O)', 'Certificate of origin', 'Hàng hóa xuất khẩu', 'Goods for export'],
    ],
  },
  {
    vi: 'Sở Nông nghiệp', en: 'Department of Agriculture', icon: 'wheat', zone: 2,
    documents: ['Đơn đề nghị theo mẫu', 'Giấy chứng nhận đăng ký kinh doanh', 'Kết quả xét nghiệm (nếu có)'],
    documentsEn: ['Application form (official template)', 'Business registration certificate', 'Test results (if any)'],
    services: [
      ['Cấp giấy chứng nhận kiểm dịch động vật', 'Animal quarantine certificate', 'Vận chuyển động vật ra khỏi tỉnh', 'Moving animals out of the province'],
      ['Cấp giấy phép khai thác thủy sản', 'Fishing licence', 'Tàu cá có chiều dài từ 6 m', 'Fishing vessels 6 m long or more'],
      ['Cấp giấy chứng nhận cơ sở an toàn dịch bệnh', 'Disease-free farm certificate', 'Trang trại chăn nuôi', 'Livestock farms'],
      ['Cấp chứng chỉ hành nghề thú y', 'Veterinary practising certificate', 'Tiêm phòng, chữa bệnh cho động vật', 'Vaccinating and treating animals'],
      ['Xác nhận nguồn gốc lâm sản', 'Certifying timber origin', 'Gỗ và lâm sản ngoài gỗ', 'Timber and non-timber forest products'],
    ],
  },
  {
    vi: 'Sở Văn hóa, Thể thao và Du lịch', en: 'Department of Culture, Sports and Tourism', icon: 'culture', zone: 2,
    documents: ['Đơn đề nghị theo mẫu', 'Giấy chứng nhận đăng ký doanh nghiệp', 'Danh sách người thực hiện'],
    documentsEn: ['Application form (official template)', 'Business registration certificate', 'List of the people doing the work'],
    services: [
      ['Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa', 'Domestic travel agency licence', 'Kèm giấy xác nhận ký quỹ', 'Bring the bank’s confirmation of the deposit'],
      ['Cấp thẻ hướng dẫn viên du lịch', 'Tour guide card', 'Hướng dẫn viên nội địa, quốc tế', 'Domestic and international tour guides'],
      ['Cấp giấy phép tổ chức biểu diễn nghệ thuật', 'Performance permit', 'Chương trình biểu diễn tại tỉnh', 'Performances held in the province'],
      ['Công nhận hạng cơ sở lưu trú du lịch', 'Hotel star rating', 'Khách sạn từ 1 đến 3 sao', 'Hotels from 1 to 3 stars'],
      ['Cấp giấy phép kinh doanh dịch vụ karaoke', 'Karaoke business licence', 'Kèm biên bản kiểm tra phòng cháy', 'Bring the fire safety inspection report'],
    ],
  },
  {
    vi: 'Sở Khoa học và Công nghệ', en: 'Department of Science and Technology', icon: 'science', zone: 2,
    documents: ['Đơn đề nghị theo mẫu', 'Hồ sơ kỹ thuật', 'Giấy chứng nhận đăng ký doanh nghiệp'],
    documentsEn: ['Application form (official template)', 'Technical dossier', 'Business registration certificate'],
    services: [
      ['Cấp giấy chứng nhận doanh nghiệp khoa học và công nghệ', 'Science and technology enterprise certificate', 'Doanh nghiệp có kết quả khoa học', 'Companies that commercialise research results'],
      ['Cấp giấy phép tiến hành công việc bức xạ', 'Radiation work licence', 'Thiết bị X-quang chẩn đoán y tế', 'Medical diagnostic X-ray equipment'],
      ['Cấp giấy phép bưu chính', 'Postal licence', 'Dịch vụ bưu chính trong tỉnh', 'Postal services within the province'],
      ['Đăng ký chuyển giao công nghệ', 'Registering a technology transfer', 'Hợp đồng chuyển giao công nghệ', 'Technology transfer contracts'],
      ['Đăng ký kết quả thực hiện nhiệm vụ khoa học', 'Registering research results', 'Nhiệm vụ sử dụng ngân sách nhà nước', 'Research funded by the state budget'],
    ],
  },
  {
    vi: 'Sở Tài chính', en: 'Department of Finance', icon: 'finance', zone: 2,
    documents: ['Văn bản đề nghị', 'Hồ sơ dự án hoặc tài sản', 'Quyết định liên quan (bản sao)'],
    documentsEn: ['Application letter', 'Project or asset dossier', 'Related decisions (copies)'],
    services: [
      ['Cấp mã số đơn vị có quan hệ với ngân sách', 'Budget unit code', 'Cho đơn vị, dự án mới', 'For new budget units and projects'],
      ['Quyết toán vốn đầu tư dự án hoàn thành', 'Final settlement of a completed project', 'Dự án sử dụng vốn nhà nước', 'Projects funded by the state'],
      ['Cấp quyết định chủ trương đầu tư', 'Investment policy decision', 'Dự án ngoài khu công nghiệp', 'Projects outside industrial zones'],
      ['Đăng ký giá, kê khai giá', 'Price registration', 'Hàng hóa thuộc danh mục kê khai giá', 'Goods on the price declaration list'],
      ['Xử lý tài sản công', 'Disposal of public assets', 'Thanh lý, điều chuyển, bán tài sản', 'Liquidating, transferring or selling public assets'],
    ],
  },
  {
    vi: 'Thuế tỉnh', en: 'Provincial Tax Office', icon: 'tax', zone: 2,
    documents: ['Tờ khai thuế theo mẫu', ID, 'Chứng từ liên quan'],
    documentsEn: ['Tax return (official template)', ID_EN, 'Supporting vouchers'],
    services: [
      ['Đăng ký thuế lần đầu', 'First tax registration', 'Cá nhân, hộ kinh doanh, tổ chức', 'Individuals, household businesses and organisations'],
      ['Khai lệ phí trước bạ nhà, đất', 'Registration fee on land and houses', 'Kèm hợp đồng chuyển nhượng', 'Bring the transfer contract'],
      ['Quyết toán thuế thu nhập cá nhân', 'Personal income tax settlement', 'Người có thu nhập từ tiền lương, tiền công', 'People earning wages or salaries'],
      ['Hoàn thuế', 'Tax refund', 'Thuế nộp thừa, thuế giá trị gia tăng', 'Overpaid tax and value added tax'],
      ['Xác nhận thực hiện nghĩa vụ thuế', 'Tax compliance certificate', 'Cho cá nhân, tổ chức', 'For individuals and organisations'],
    ],
  },
  {
    vi: 'Bảo hiểm xã hội', en: 'Social Insurance', icon: 'shield', zone: 2,
    documents: ['Tờ khai theo mẫu TK1-TS', ID, 'Sổ bảo hiểm xã hội'],
    documentsEn: ['Declaration form TK1-TS', ID_EN, 'Social insurance book'],
    services: [
      ['Cấp lại, đổi thẻ bảo hiểm y tế', 'Replacing a health insurance card', 'Thẻ bị mất, hỏng hoặc thay đổi thông tin', 'A lost or damaged card, or changed personal details'],
      ['Giải quyết hưởng bảo hiểm xã hội một lần', 'One-time social insurance payment', 'Sau 12 tháng không đóng bảo hiểm', 'After 12 months without paying contributions'],
      ['Giải quyết chế độ thai sản', 'Maternity benefit', 'Kèm giấy khai sinh của con', 'Bring the child’s birth certificate'],
      ['Đăng ký tham gia bảo hiểm xã hội tự nguyện', 'Voluntary social insurance', 'Người lao động tự do', 'Self-employed and freelance workers'],
      ['Cấp lại sổ bảo hiểm xã hội', 'Replacing a social insurance book', 'Sổ bị mất hoặc hỏng', 'A lost or damaged book'],
    ],
  },
  {
    vi: 'Công an tỉnh', en: 'Provincial Police', icon: 'police', zone: 2,
    documents: ['Tờ khai theo mẫu', ID, 'Ảnh chân dung (nếu có yêu cầu)'],
    documentsEn: ['Declaration form (official template)', ID_EN, 'Portrait photo (if required)'],
    services: [
      ['Cấp hộ chiếu phổ thông', 'Ordinary passport', 'Lần đầu hoặc cấp lại', 'First passport or a replacement'],
      ['Đăng ký xe ô tô', 'Car registration', 'Kèm hóa đơn và chứng từ lệ phí trước bạ', 'Bring the invoice and the registration fee receipt'],
      ['Thẩm duyệt thiết kế phòng cháy và chữa cháy', 'Fire safety design approval', 'Công trình thuộc diện thẩm duyệt', 'Buildings that require fire safety approval'],
      ['Cấp giấy chứng nhận đủ điều kiện về an ninh, trật tự', 'Security and order certificate', 'Ngành nghề kinh doanh có điều kiện', 'Businesses in regulated trades'],
      ['Cấp thị thực, gia hạn tạm trú cho người nước ngoài', 'Visas and stay extensions for foreigners', 'Qua cơ quan, tổ chức bảo lãnh', 'Through the sponsoring agency or organisation'],
    ],
  },
  {
    vi: 'Sở Ngoại vụ', en: 'Department of Foreign Affairs', icon: 'globe', zone: 2,
    documents: ['Tờ khai theo mẫu', 'Hộ chiếu', 'Giấy tờ cần chứng nhận'],
    documentsEn: ['Declaration form (official template)', 'Passport', 'The papers to be certified'],
    services: [
      ['Chứng nhận lãnh sự, hợp pháp hóa lãnh sự', 'Consular certification and legalisation', 'Giấy tờ dùng ở nước ngoài', 'Documents for use abroad'],
      ['Cho phép sử dụng thẻ đi lại doanh nhân APEC', 'APEC Business Travel Card', 'Doanh nhân có hoạt động với các nền kinh tế APEC', 'Business people working with APEC economies'],
      ['Cho phép tổ chức hội nghị, hội thảo quốc tế', 'International conference permit', 'Hội nghị do tỉnh tổ chức', 'Conferences organised in the province'],
      ['Tiếp nhận hồ sơ xuất cảnh đi công tác nước ngoài', 'Official trips abroad', 'Cán bộ, công chức, viên chức', 'Officials, civil servants and public employees'],
      ['Xác nhận thông tin cho người Việt Nam ở nước ngoài', 'Information for Vietnamese abroad', 'Về quê quán, thân nhân', 'About home town and relatives'],
    ],
  },
  {
    vi: 'Ban Quản lý các Khu công nghiệp', en: 'Industrial Zones Authority', icon: 'industry', zone: 2,
    documents: ['Văn bản đề nghị', 'Đề xuất dự án đầu tư', 'Báo cáo năng lực tài chính'],
    documentsEn: ['Application letter', 'Investment project proposal', 'Financial capacity report'],
    services: [
      ['Cấp giấy chứng nhận đăng ký đầu tư', 'Investment registration certificate', 'Dự án trong khu công nghiệp', 'Projects inside industrial zones'],
      ['Điều chỉnh dự án đầu tư', 'Amending an investment project', 'Thay đổi quy mô, tiến độ', 'Changes of scale or schedule'],
      ['Cấp giấy phép xây dựng trong khu công nghiệp', 'Building permit in an industrial zone', 'Nhà xưởng, kho bãi', 'Factories and warehouses'],
      ['Xác nhận hợp đồng cho thuê lại đất', 'Sub-lease of industrial land', 'Hợp đồng với doanh nghiệp hạ tầng', 'Contracts with the zone’s infrastructure company'],
      ['Cấp giấy phép lao động trong khu công nghiệp', 'Work permit in an industrial zone', 'Người nước ngoài tại khu công nghiệp', 'Foreign nationals working in industrial zones'],
    ],
  },
  {
    vi: 'Trả kết quả', en: 'Collect results', icon: 'inbox', zone: 1,
    documents: ['Giấy biên nhận hồ sơ', ID, 'Giấy ủy quyền (khi nhận thay)'],
    documentsEn: ['Dossier receipt', ID_EN, 'Letter of authorisation (when collecting for someone else)'],
    services: [
      ['Nhận kết quả hồ sơ đất đai', 'Land dossier results', 'Giấy chứng nhận, văn bản trả lời', 'Land certificates and written replies'],
      ['Nhận kết quả hồ sơ tư pháp', 'Justice dossier results', 'Lý lịch tư pháp, hộ tịch', 'Criminal record certificates and civil status papers'],
      ['Nhận kết quả hồ sơ doanh nghiệp', 'Business dossier results', 'Giấy chứng nhận đăng ký doanh nghiệp', 'Business registration certificates'],
      ['Nhận giấy phép lái xe', 'Driving licence pick-up', 'Giấy phép lái xe đã đổi hoặc cấp lại', 'Renewed or replaced driving licences'],
      ['Nhận kết quả các hồ sơ khác', 'Other dossier results', 'Các lĩnh vực còn lại', 'All other departments'],
    ],
  },
];

const ZONES = [
  { vi: 'Tầng 1', en: 'Floor 1' },
  { vi: 'Tầng 2', en: 'Floor 2' },
];

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Thị', 'Văn', 'Minh', 'Thu', 'Quốc', 'Ngọc', 'Hữu', 'Thanh'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Huyền', 'Khánh', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phúc', 'Quân'];

/** 2 letters per procedure: the group's and the procedure's (AA…TE), never spoken alike. */
const prefixOf = (g: number, s: number) => String.fromCharCode(65 + g) + String.fromCharCode(65 + s);

export const CENTRE_OFFICE: Partial<OfficeConfig> = {
  name: 'Trung tâm Phục vụ hành chính công tỉnh Hòa Bình',
  nameEn: 'Hoa Binh Province Public Administration Service Centre',
  address: '2 Đường Trần Hưng Đạo, Phường Phương Lâm',
  ratingReasons: [
    { code: 'friendly', vi: 'Cán bộ nhiệt tình, chu đáo', en: 'Helpful, attentive staff' },
    { code: 'fast', vi: 'Giải quyết nhanh', en: 'Quickly handled' },
    { code: 'long_wait', vi: 'Thời gian chờ lâu', en: 'Long wait' },
    { code: 'unclear', vi: 'Hướng dẫn chưa rõ ràng', en: 'Unclear guidance' },
  ],
};

export const CENTRE_SIZE = { groups: GROUPS.length, services: GROUPS.length * 5, zones: ZONES.length, counters: GROUPS.length * 2, officers: GROUPS.length * 2 };

/**
 * Writes the centre's catalogue, zones, counters and officers (inside the caller's transaction).
 * Each group has two counters on its floor: the first serves the group's procedures in order, the
 * second the same in reverse, so every procedure has two counters.
 */
export function seedCentreRows(db: Database.Database, opts: { hours: string; officerHashes: (i: number) => string }): void {
  const insZone = db.prepare('INSERT OR REPLACE INTO zones (id, name_vi, name_en, sort_order) VALUES (?, ?, ?, ?)');
  ZONES.forEach((z, i) => insZone.run(i + 1, z.vi, z.en, i));
  const insGroup = db.prepare('INSERT INTO service_groups (name_vi, name_en, sort_order, icon) VALUES (?, ?, ?, ?)');
  const insService = db.prepare(
    `INSERT INTO services (code, name_vi, name_en, prefix, range_start, range_end, daily_quota, hours, sort_order, icon, alert_minutes, group_id, description_vi, description_en, documents, documents_en)
     VALUES (?, ?, ?, ?, 1, 999, NULL, ?, ?, ?, 45, ?, ?, ?, ?, ?)`,
  );
  const insOfficer = db.prepare('INSERT INTO officers (name, title, pin_hash) VALUES (?, ?, ?)');
  const insCounter = db.prepare('INSERT INTO counters (number, name, zone_id) VALUES (?, ?, ?)');
  const insCs = db.prepare('INSERT INTO counter_services (counter_id, service_id, position) VALUES (?, ?, ?)');
  GROUPS.forEach((g, gi) => {
    const groupId = Number(insGroup.run(g.vi, g.en, gi + 1, g.icon).lastInsertRowid);
    const ids = g.services.map(([vi, en, description, descriptionEn], si) => {
      const code = `${prefixOf(gi, si)}${String(si + 1).padStart(2, '0')}`;
      return Number(insService.run(code, vi, en, prefixOf(gi, si), opts.hours, gi * 10 + si + 1, g.icon, groupId, description, descriptionEn, JSON.stringify(g.documents), JSON.stringify(g.documentsEn)).lastInsertRowid);
    });
    for (let k = 0; k < 2; k++) {
      const n = gi * 2 + k + 1;
      const cid = Number(insCounter.run(n, `Quầy ${n}`, g.zone).lastInsertRowid);
      (k === 0 ? ids : [...ids].reverse()).forEach((sid, pos) => insCs.run(cid, sid, pos));
    }
  });
  for (let i = 0; i < CENTRE_SIZE.officers; i++) {
    const name = `${SURNAMES[i % SURNAMES.length]} ${MIDDLE[(i * 3) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`;
    const group = GROUPS[Math.floor(i / 2)] as GroupSeed;
    insOfficer.run(name, `Chuyên viên ${group.vi}`, opts.officerHashes(i));
  }
}
