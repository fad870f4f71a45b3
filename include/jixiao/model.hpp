#pragma once
// The typed model of one performance-target document. Plain data; the JSON mapping is in emit/.
// Text fields hold exactly what was written: nothing trimmed, collapsed or converted.
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

struct Indicator {
  std::string level1, level2, level3, description;
  IndicatorValue value;
  std::string basis;
  Location at;
};

struct SchedulePoint {
  std::string period;              // as written: "3月底"
  std::optional<Decimal> percent;  // cumulative, 25.00% -> 25; nothing when unreadable
  std::string text;                // the percentage as written: "25.00%"
};

struct Budget {
  std::optional<Decimal> total, fiscal, other;
  struct Written {
    std::optional<std::string> total, fiscal, other;  // as written; nothing when unlabelled
  } written;
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
  int card_table = 0;                  // 1-based table number of the card
  std::vector<int> indicator_tables;   // the tables the indicators came from
};

struct Department {
  std::optional<std::string> overall_goal, sub_goals, safeguards;
};

struct Source {
  std::string path;
  std::string sha256;  // of the file as submitted
  // Set when LibreOffice converted it: "doc", "wps", "odt" or "rtf", and "LibreOffice 7.4".
  std::optional<std::string> converted_from, converter;
};

struct Document {
  Source source;
  std::optional<int> year;  // the budget year a title states ("2021年度部门预算绩效目标")
  Department department;
  std::vector<Project> projects;
  std::vector<Warning> warnings;
};

}  // namespace jixiao
