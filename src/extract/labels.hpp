#pragma once
// Every domain label and display name: the one vocabulary. The model's fields with their keys,
// Chinese and English names (which tables, diffs, rules and pages show), the labels forms write
// for them and their synonyms (which the extractor matches): the one place to teach new forms.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jixiao/model.hpp"

namespace jixiao::extract {

enum class Field {
  // A project card's (is_card_field).
  project_code,
  project_name,
  budget_total,          // the year's: 预算数, 年度资金总额, 资金总额, 年度资金申请总额
  budget_fiscal,         // 财政资金, 财政拨款
  budget_fiscal_annual,  // 当年财政拨款: the year's fiscal money where 财政资金 is the project's
  budget_other,
  budget_item,           // another money line: 自有资金, 事业收入, 上年结转资金 …
  project_total,         // 项目资金总额: the whole multi-year project's
  budget_and_purpose,    // 预算规模及资金用途: a group label over amounts and purpose
  money_group,           // 项目资金（万元）, 项目资金申请: a group label over money lines
  purpose,
  schedule,              // 资金支出计划（%）
  goals,
  long_term_goals,       // 长期目标, 项目总目标
  authority_name,        // 主管部门
  authority_code,        // 主管部门编码
  implementer,           // 实施单位, 项目实施单位, 项目单位
  attribute,             // 项目属性, 项目性质
  category,              // 项目类别
  period,                // 项目起止时间
  period_start,          // 计划开始日期
  period_end,            // 计划完成日期
  contact_person,        // 项目负责人
  contact_phone,         // 联系电话
  // A department-level target table's.
  department_name,       // 部门(单位)名称
  department_duties,     // 部门(单位)职责
  department_goal,       // 年度总体绩效目标
  unit_name,
  unit_code,             // 单位编码: a column of the flat export, beside 单位名称
  // An indicator table's columns (is_indicator_field).
  level1,
  level2,
  level3,
  description,
  value,
  basis,
  nature,                // 指标性质, 指标值类型
  measure_unit,          // 度量单位, 计量单位
  weight,                // 权重, 分值
  explanation,           // 指标解释
  scoring,               // 评(扣)分标准
  note,                  // 备注
  // Titles over an indicator table.
  annual_indicators,     // 年度绩效指标
  long_term_indicators,  // 长期绩效指标
};

inline bool is_card_field(Field f) { return f < Field::department_name; }
inline bool is_department_field(Field f) { return f >= Field::department_name && f <= Field::department_goal; }
inline bool is_indicator_field(Field f) { return f >= Field::level1 && f <= Field::note; }

// A field of the model as people and programs name it.
struct FieldName {
  const char* key;  // as the JSON model and the tables' English headers name it: "level1"
  const char* zh;   // its Chinese name, as forms label it: "一级指标"
  const char* en;   // its English name: "level 1"
  std::optional<Field> label;  // the label a form writes for it, matched by the extractor
};
// Every field, in the order tables show them.
const std::vector<FieldName>& field_names();
// The field of a key; null when the vocabulary has none.
const FieldName* field_name(std::string_view key);
// A key's name in a language; the key itself when the vocabulary has none (a period, a number).
std::string field_display(std::string_view key, Lang lang);

// How a label is written in the reference layout ("其中：财政资金", "资金支出计划（%）"): what the
// normalized .docx writes, so that writing and reading share one table.
const char* label_text(Field field);
std::string amount_unit_text(const std::string& unit);  // "单位：万元"

// What a label cell means. Matches with all whitespace removed, full-width forms folded,
// a leading 其中 and a trailing colon or parenthesised unit dropped: "其中：财政资金",
// "项 目 编 码", "预算数（万元）". `unit_in_label` receives 万元/元 when the label names one.
std::optional<Field> match_label(std::string_view cell_text,
                                 std::string* unit_in_label = nullptr);

// "单位：万元", "金额单位：元" -> 万元 / 元.
std::optional<std::string> amount_unit_line(std::string_view text);

// "803004怀来县北辛堡镇人民政府" -> {803004, 怀来县北辛堡镇人民政府}.
std::optional<Unit> unit_line(std::string_view text);

// "1、…绩效目标表", "4.…", "（2）…": the number as written and the rest exactly.
std::optional<Heading> project_heading(std::string_view text);

enum class Section { overall_goal, sub_goals, safeguards };
// "一、总体绩效目标" and its kin.
std::optional<Section> department_section(std::string_view text);
const char* section_title(Section section);  // how the normalized .docx writes it

// Headings of the document's own structure that carry no data: 第一部分, 预算项目绩效目标 …
bool structural_title(std::string_view text);
// A form's own title over its tables, not a card's heading: 财政项目支出绩效目标申报表（2026年度）,
// 项目绩效目标申报表, 2023年度部门整体绩效目标表.
bool form_title(std::string_view text);

// The budget year a title states: "2021年度部门预算绩效目标" -> 2021.
std::optional<int> budget_year_title(std::string_view text);
// The title the normalized .docx writes for a year, which budget_year_title reads back:
// 2021 -> "2021年度部门预算绩效目标".
std::string year_title(int year);

// A schedule period as written (3月底, 第一季度, 6月末 …).
bool looks_like_period(std::string_view text);

}  // namespace jixiao::extract
