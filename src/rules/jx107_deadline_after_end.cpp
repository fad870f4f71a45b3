// JX107 deadline-after-end: a 时效 value names a date after the project's end (or the budget
// year's, where the card gives no end).
// Its documentation, its message and its check; its fixtures are in tests/rules/JX107/.
#include <cstdio>

#include "extract/values.hpp"
#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {
namespace {

// The date a deadline names, as an ISO date as precise as written: "2023年12月底前",
// "2024-03-01", and (read in the budget year) "11月30日前", "12月底". Nothing for anything else.
std::optional<std::string> deadline(const std::string& value, const std::optional<int>& year) {
  auto dates = extract::iso_dates(value);
  if (!dates.empty()) return dates.back();
  if (!year) return std::nullopt;
  const std::string s = text::fold_for_matching(value);
  std::size_t k = 0;
  int month = 0, day = 0;
  while (k < s.size() && s[k] >= '0' && s[k] <= '9' && k < 2) month = month * 10 + (s[k++] - '0');
  if (k == 0 || s.compare(k, std::string("月").size(), "月") != 0 || month < 1 || month > 12) return std::nullopt;
  k += std::string("月").size();
  std::size_t digits = 0;
  while (k < s.size() && s[k] >= '0' && s[k] <= '9' && digits < 2) day = day * 10 + (s[k++] - '0'), ++digits;
  char buffer[16];
  if (digits && s.compare(k, std::string("日").size(), "日") == 0 && day >= 1 && day <= 31)
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", *year, month, day);
  else
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", *year, month);
  return std::string(buffer);
}

}  // namespace

Rule deadline_after_end() {
  return {{"JX107", "deadline-after-end", Severity::warning, false,
           {"时效指标的期限晚于项目结束", "a deadline falls after the project's end"},
           {"时效指标写的日期（“2023年12月底前”“2024-03-01”，或按预算年度读的“11月30日前”）不应晚于"
            "项目起止时间或计划完成日期的结束；没有写结束时，不应晚于预算年度末。按写出的精度比较。\n"
            "错误示例：项目起止时间“2023年1月-2023年12月”，完工时间“2024年3月底前”。\n"
            "正确示例：完工时间“2023年11月底前”。",
            "A deadline in a 时效 value (\"2023年12月底前\", \"2024-03-01\", or \"11月30日前\" read in the "
            "budget year) must not fall after the project's end (项目起止时间, 计划完成日期), nor, "
            "where none is given, after the budget year. Compared as precisely as both are written.\n"
            "Bad: a project of 2023年1月-2023年12月 with 完工时间 \"2024年3月底前\".\n"
            "Good: \"2023年11月底前\"."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects) {
              std::string end;
              if (p.period && p.period->end) end = *p.period->end;
              else if (c.doc.year) end = std::to_string(*c.doc.year) + "-12-31";
              if (end.empty()) continue;
              for (const Indicator& i : p.indicators) {
                if (c.categories(i).level2 != "时效") continue;
                const auto date = deadline(i.value.text, c.doc.year);
                if (!date) continue;
                if (!iso_after(*date, end)) continue;
                c.report(&p, at_field(i, IndicatorField::value), "期限“" + i.value.text + "”晚于项目结束 " + end,
                         "the deadline \"" + i.value.text + "\" is after the project's end " + end);
              }
            }
          }};
}

}  // namespace jixiao::rules
