#pragma once
// Numbers as people type them into these tables, read exactly.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jixiao/decimal.hpp"
#include "jixiao/model.hpp"

namespace jixiao::extract {

// "12.57", "１２．５７", "1,234.56", "12.57万元", "￥8" -> exact decimal; nothing otherwise.
std::optional<Decimal> parse_amount(std::string_view text);

// "25.00%", "25", "２５％" -> 25.
std::optional<Decimal> parse_percent(std::string_view text);

// "≥90优" -> {op ">=", number 90, grade 优}; "不低于95%" -> {">=", 95, "%"}; text kept as is.
// A date or deadline ("2022年12月底前", "6月底") is no number: only its text.
IndicatorValue parse_indicator_value(std::string_view text);

// Whether a value is a date or a deadline: a year (four digits) followed by 年, or a month
// followed by 月 and 底, 末, 份, 前, 日 or a day ("2022年12月底前", "2022年", "6月30日前").
bool is_date_value(std::string_view text);

// The dates in a text, in order, each as an ISO date as precise as written: "2023年3月1日",
// "2023-03-01", "2023.3.1" -> "2023-03-01"; "2023年3月", "2023-03" -> "2023-03". A month
// outside 1–12 or a day outside the month's days is no date.
std::vector<std::string> iso_dates(std::string_view text);

// 项目属性 "新增项目□ 延续项目√" -> "延续项目": the option whose box is ticked (√ ✓ ✔ ☑ ■ ☒ ⊠),
// boxes before or after their option; the text as written when no option is ticked; nothing
// when more than one is (with the options found in `ticked`).
std::optional<std::string> chosen_option(std::string_view text, std::vector<std::string>* ticked = nullptr);

// "培训参加人数(人)" -> "人": a unit in brackets at the end of an indicator's name.
std::optional<std::string> unit_in_brackets(std::string_view name);

struct Goal {
  std::optional<int> number;  // as numbered: 1., 1、, （1）, ① …
  std::string text;           // without its numbering, spaces at both ends removed
};
// The items of a 绩效目标 cell, one paragraph each or run together in one.
std::vector<Goal> split_goals(std::string_view text);

}  // namespace jixiao::extract
