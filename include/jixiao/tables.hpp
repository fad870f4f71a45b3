#pragma once
// The model flattened into spreadsheet tables (项目, 指标, 问题), and their CSV and XLSX forms.
#include <optional>
#include <string>
#include <vector>

#include "jixiao/check.hpp"
#include "jixiao/error.hpp"
#include "jixiao/model.hpp"

namespace jixiao {

struct TableCell {
  enum class Kind { text, number, empty } kind = Kind::empty;
  std::string text;                 // for text cells: exactly the model's text
  std::optional<Decimal> number;    // for number cells
  enum class Format { plain, amount, percent } format = Format::plain;

  static TableCell of_text(std::string s);
  static TableCell of_number(const std::optional<Decimal>& d, Format f = Format::plain);
  static TableCell of_int(long long n);
};

struct TableColumn {
  std::string zh, en;  // header in Chinese, and in English (the JSON key's name)
  bool wide = false;   // long text: wrapped, width capped
};

struct DataTable {
  std::string sheet_name;  // 项目, 指标, 问题
  std::vector<TableColumn> columns;
  std::vector<std::vector<TableCell>> rows;
};

enum class HeaderLang { zh, en };

// One row a project card; one column per schedule period, named as written, in order of
// first appearance across the documents.
// The other forms' fields (主管部门, 实施单位, 项目属性, 项目起止时间, money lines other than
// 预算数/财政资金/其他资金 …) are columns only when a document has them, so that a table of the
// reference form stays as it was; 项目负责人 and 联系电话 (personal data) only `with_contacts`.
DataTable projects_table(const std::vector<Document>& docs, bool with_contacts = false);
// One row an indicator, with its card's identifying columns (a department-level table's rows
// first, with no card). The other forms' columns (指标性质, 度量单位, 权重 …) only when a row
// has them.
DataTable indicators_table(const std::vector<Document>& docs);
// One row a finding of `check` (rule, severity, message, project, table, row).
DataTable findings_table(const Report& report, Lang lang);

enum class CsvEncoding { utf8_bom, utf8, gb18030 };

// RFC 4180 (CRLF, quotes doubled); a text cell a spreadsheet would evaluate (=, +, -, @, tab,
// CR first) is prefixed with ' so that it shows as text; number cells are written as they are.
Expected<std::string> to_csv(const DataTable& table, HeaderLang headers, CsvEncoding encoding);

// An .xlsx (libxlsxwriter) with one sheet per table: bold frozen header, autofilter, widths to
// fit, long text wrapped, amounts as numbers in 0.00. Deterministic: fixed creation time.
Expected<std::string> to_xlsx(const std::vector<DataTable>& tables, HeaderLang headers);

// What a spreadsheet would evaluate, neutralised: "=1+1" -> "'=1+1"; other text unchanged.
std::string spreadsheet_safe(const std::string& text);

}  // namespace jixiao
