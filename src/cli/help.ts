/** `phuluc --help`: Vietnamese first, English after. */
export const HELP = `phuluc — Phụ lục Một cửa

Cách dùng / Usage:
  phuluc template <staffing|facilities|investment|procedures|intake|all> [tùy chọn] -o TỆP.xlsx
  phuluc validate TỆP... [--json] [--units TỆP [--code MÃ]] [--fix -o TỆP.xlsx]
  phuluc demo [--out THƯ-MỤC]

Biểu mẫu / Forms:
  staffing     Phụ lục: cán bộ, công chức, viên chức làm việc tại Bộ phận Một cửa
  facilities   Phụ lục 1: thực trạng cơ sở vật chất
  investment   Phụ lục 2: kết quả đầu tư xây dựng
  procedures   Phụ lục II: kết quả thực hiện cơ chế một cửa, một cửa liên thông
  intake       Phụ lục: thống kê tiếp nhận, giải quyết hồ sơ TTHC
  all          tất cả, mỗi biểu một trang tính / every form, one sheet each

Tùy chọn / Options:
  --level xa|huyen|tinh   cấp báo cáo / reporting level (mặc định / default: huyen)
  --tiers 2|3             hai cấp (từ 01/7/2025) hoặc ba cấp / two or three tiers
                          (mặc định: 3 cho huyen, 2 cho xa và tinh)
  --unit TÊN              tên đơn vị báo cáo / reporting unit, ví dụ "Thị xã Việt Yên"
  --code MÃ               mã đơn vị (tỉnh 2, huyện 3, xã 5 chữ số) / unit code
  --units TỆP             danh sách đơn vị trực thuộc / subordinate units: danh sách tên
                          (.txt, .csv, .xlsx), danh mục units-2024/units-2025 (.csv)
                          hoặc tệp xuất của Tổng cục Thống kê (.xls)
  --year YYYY             năm báo cáo / report year (mặc định: năm nay)
  --period "Năm 2023"     kỳ báo cáo / reporting period
  -o, --output TỆP.xlsx   tệp kết quả / output file (không ghi đè tệp đã có trừ khi có --force)
  --force                 cho phép ghi đè / allow overwriting

Kiểm tra / Validate (.xlsx, .xls, .ods):
  --json                  in đúng một tài liệu JSON / print one JSON document
  --units TỆP, --code MÃ  danh sách đơn vị phải có, mỗi đơn vị đúng một dòng
                          / units that must each appear exactly once
  --fix -o TỆP.xlsx       ghi bản đã sửa các lỗi sửa chắc chắn được; tệp gốc giữ nguyên
                          / write a copy with the certain fixes; the original is kept

Ví dụ / Examples:
  phuluc template all --level huyen --code 222 --units units-2024.csv --year 2024 -o viet-yen.xlsx
  phuluc template facilities --level tinh --tiers 2 --code 24 --units units-2025.csv -o bac-ninh.xlsx
  phuluc template staffing --level xa --unit "Xã Thượng Lan" -o thuong-lan.xlsx
  phuluc validate out/xa/*.xlsx
  phuluc validate bao-cao.xlsx --units units-2024.csv --code 222 --fix -o bao-cao-da-sua.xlsx

Mã thoát / Exit codes: 0 xong, không có lỗi / done, no errors (cảnh báo không tính / warnings
allowed), 1 có lỗi trong dữ liệu / errors found, 2 tham số hoặc tệp không đọc được /
unusable arguments or unreadable input.
`;
