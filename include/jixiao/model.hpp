#pragma once
// The typed model of one performance-target document. Plain data; the JSON mapping is in emit/.
// Text fields hold exactly what was written: nothing trimmed, collapsed or converted.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "jixiao/decimal.hpp"
#include "jixiao/error.hpp"

namespace jixiao {

// Where something stands in the source: 1-based; 0 means "not applicable".
struct Location {
  int table = 0;
  int row = 0;
  int column = 0;
};

struct Warning {
  Message message;
  Location at;
};

struct IndicatorValue {
  std::string text;               // as written
  std::optional<std::string> op;  // ">=", "<=", ">", "<", "="
  std::optional<Decimal> number;
  std::optional<std::string> unit;   // as written: "%", "百分比", "人" …
  std::optional<std::string> grade;  // 优 良 中 差 …
};

// 权重 or 分值: the number read from the text, when there is one.
struct Weight {
  std::optional<Decimal> number;
  std::string text;  // as written
};

// The columns only the other forms have; nothing where the table has no such column. Text as
// written.
struct OtherColumns {
  std::optional<std::string> nature;        // 指标性质 (≥ ≤ = 定性) or 指标值类型 (定量 定性)
  std::optional<std::string> measure_unit;  // 度量单位 or 计量单位
  std::optional<Weight> weight;             // 权重 or 分值
  std::optional<std::string> explanation;   // 指标解释
  std::optional<std::string> scoring;       // 评(扣)分标准
  std::optional<std::string> note;          // 备注
};

// The six fields of an indicator row every form has, as Indicator::columns orders them.
enum class IndicatorField { level1, level2, level3, description, value, basis };

struct Indicator {
  std::string level1, level2, level3, description;
  IndicatorValue value;
  std::string basis;
  bool basis_column = true;  // the table has a 指标值确定依据 column (not in the JSON)
  // The 1-based grid column each of the six fields was read from (0: none), in the order of
  // IndicatorField: where a finding about one field points. Not in the JSON.
  std::array<std::uint8_t, 6> columns{};
  Location at;
  std::optional<std::string> term;  // "annual" or "long_term": under 年度/长期绩效指标

  // The other forms' columns: read with other(), written with set_other(). They are held apart,
  // made only for a table that has one of them, so that a row of the reference form stays as
  // small as it was (bench/RESULTS.md: 400 bytes on x86-64, not 656).
  const OtherColumns& other() const {
    static const OtherColumns none;
    return other_ ? *other_ : none;
  }
  bool has_other() const { return other_ != nullptr; }
  OtherColumns& set_other() {
    if (!other_) other_ = std::make_unique<OtherColumns>();
    return *other_;
  }

  Indicator() = default;
  Indicator(const Indicator& o) { *this = o; }
  Indicator& operator=(const Indicator& o) {
    if (this == &o) return *this;
    level1 = o.level1, level2 = o.level2, level3 = o.level3, description = o.description;
    value = o.value, basis = o.basis, basis_column = o.basis_column, columns = o.columns, at = o.at, term = o.term;
    other_ = o.other_ ? std::make_unique<OtherColumns>(*o.other_) : nullptr;
    return *this;
  }
  Indicator(Indicator&&) noexcept = default;
  Indicator& operator=(Indicator&&) noexcept = default;
  ~Indicator() = default;

private:
  std::unique_ptr<OtherColumns> other_;
};

struct SchedulePoint {
  std::string period;              // as written: "3月底"
  std::optional<Decimal> percent;  // cumulative, 25.00% -> 25; nothing when unreadable
  std::string text;                // the percentage as written: "25.00%"
};

// One money line of a card, in the card's order: 预算数, 财政拨款, 自有资金, 上年结转资金 …
struct BudgetItem {
  // What the line is to the budget: another line, or the total, fiscal, other money or the
  // project's total it was read as (not in the JSON: its label says it).
  enum class Role { item, total, fiscal, other, project_total };
  std::string label;              // as written
  std::optional<Decimal> amount;  // nothing when blank or unreadable
  std::string text;               // the amount as written
  Role role = Role::item;
};

struct Budget {
  // The year's: total (预算数, 年度资金总额, 资金总额, 年度资金申请总额), fiscal (财政资金,
  // 财政拨款, 当年财政拨款) and other (其他资金) money.
  std::optional<Decimal> total, fiscal, other;
  struct Written {
    std::optional<std::string> total, fiscal, other;  // as written; nothing when unlabelled
  } written;
  std::vector<BudgetItem> items;          // every money line, in order
  std::optional<Decimal> project_total;   // 项目资金总额: the whole multi-year project's
};

// 主管部门 and 主管部门编码.
struct Authority {
  std::optional<std::string> code, name;
};

// 项目起止时间, or 计划开始日期 and 计划完成日期: as written, and each end as an ISO date as precise as
// written ("2023-03" or "2023-03-01"); nothing where it cannot be read.
struct Period {
  std::string text;
  std::optional<std::string> start, end;
};

// 项目负责人 and 联系电话: personal data, left out of tables and pages unless asked for.
struct Contact {
  std::optional<std::string> person, phone;
};

struct Unit {
  std::string code;  // "803004", empty when the unit line has none
  std::string name;
};

struct Heading {
  std::string number;  // "1、", "4.", "（2）" as written
  std::string text;
};

struct Project {
  int seq = 0;  // 1-based order in the document
  std::optional<Heading> heading;
  std::optional<Unit> unit;
  std::optional<std::string> amount_unit;  // "万元" or "元"
  std::optional<std::string> code, name;   // nothing when the label is absent
  Budget budget;
  std::optional<std::string> purpose;
  std::vector<SchedulePoint> schedule;
  std::optional<std::vector<std::string>> goals;  // nothing when there is no 绩效目标 field
  std::vector<std::optional<int>> goal_numbers;   // each goal's number as written, if numbered
  std::vector<Indicator> indicators;
  // The fields other forms have; nothing where the card has no such field. Text as written.
  std::optional<Authority> authority;                       // 主管部门, 主管部门编码
  std::optional<std::string> implementer;                   // 实施单位, 项目实施单位, 项目单位
  std::optional<std::string> attribute;                     // 项目属性 / 项目性质: the chosen option
  std::optional<std::string> category;                      // 项目类别
  std::optional<Period> period;                             // 项目起止时间, 计划开始/完成日期
  std::optional<Contact> contact;                           // 项目负责人, 联系电话
  std::optional<std::vector<std::string>> long_term_goals;  // 长期目标, 项目总目标
  int card_table = 0;                  // 1-based table number of the card
  std::vector<int> indicator_tables;   // the tables the indicators came from
  // Read from a flat export (one row per indicator, the project's columns on each row): it has
  // only the fields its columns carry, and asks for no other.
  bool flat = false;
};

// Whether a card has a field that only the other forms have (主管部门, 实施单位, 项目属性,
// 项目起止时间 …, or a money line besides 预算数, 财政资金 and 其他资金): a card of the
// reference form has none, and only that form asks for a 项目编码 and a spending schedule.
inline bool other_form_card(const Project& p) {
  for (const BudgetItem& i : p.budget.items)
    if (i.role == BudgetItem::Role::item || i.role == BudgetItem::Role::project_total) return true;
  return p.authority || p.implementer || p.attribute || p.category || p.period || p.contact || p.long_term_goals;
}

struct Department {
  std::optional<std::string> overall_goal, sub_goals, safeguards;
  std::optional<std::string> name, duties;  // 部门(单位)名称, 部门(单位)职责
  std::vector<Indicator> indicators;        // a department-level target table's rows
};

// Where a table read from a workbook lies: its sheet, and the sheet's row and column (0-based)
// of the table's first cell.
struct TablePlace {
  int table = 0;
  std::string sheet;
  int first_row = 0, first_column = 0;
};

// A location's sheet and cell name ("05-2", "F7") in a workbook; nothing for a .docx's tables.
struct SheetCell {
  std::string sheet, cell;
};
std::optional<SheetCell> sheet_cell(const std::vector<TablePlace>& places, const Location& at);
// A spreadsheet cell's name from its 0-based row and column: "F7" for row 6, column 5.
std::string cell_name(int row, int column);

struct Source {
  std::string path;
  std::string sha256;  // of the file as submitted
  // Set when LibreOffice converted it: "doc", "wps", "odt" or "rtf", and "LibreOffice 7.4".
  std::optional<std::string> converted_from, converter;
  // For a workbook: where each table lies on its sheet (findings and the model cite the cell).
  std::vector<TablePlace> places;
};

struct Document {
  Source source;
  std::optional<int> year;  // the budget year a title states ("2021年度部门预算绩效目标")
  Department department;
  std::vector<Project> projects;
  std::vector<Warning> warnings;
};

}  // namespace jixiao
