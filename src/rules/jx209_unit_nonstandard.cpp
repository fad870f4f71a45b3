// JX209 unit-nonstandard: a unit written in words or full width where a standard form exists.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX209/.
#include <string_view>

#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {
namespace {

// Units written in words or full width, with the standard form.
std::optional<std::string> standard_unit(const std::string& unit) {
  static const std::pair<std::string_view, std::string_view> kStandard[] = {
      {"百分比", "%"}, {"百分之", "%"}, {"％", "%"}, {"百分率", "%"}};
  const std::string_view trimmed = text::trim_view(unit);
  for (const auto& [written, standard] : kStandard)
    if (trimmed == written) return std::string(standard);
  std::string half = text::to_halfwidth(unit);
  if (half != unit) return half;
  return std::nullopt;
}

bool fix_units(Document& doc) {
  bool changed = false;
  for_each_row(doc, [&](Indicator& i) {
    if (!i.value.unit) return;
    auto standard = standard_unit(*i.value.unit);
    if (!standard) return;
    std::string& text = i.value.text;
    std::size_t at = text.rfind(*i.value.unit);
    if (at != std::string::npos) text.replace(at, i.value.unit->size(), *standard);
    i.value.unit = standard;
    changed = true;
  });
  return changed;
}

}  // namespace

Rule unit_nonstandard() {
  return {{"JX209", "unit-nonstandard", Severity::info, true,
           {"计量单位写法不规范", "a unit written in words or full width where a standard form exists"},
           {"单位应使用标准写法，便于汇总比较：百分比写“%”，全角字符写半角。可用 --fix 自动改正。\n"
            "错误示例：“≥90百分比”、“≥90％”。\n正确示例：“≥90%”。",
            "Units in their standard form add up and compare: \"%\" for 百分比, half-width for "
            "full-width. --fix rewrites them.\nBad: \"≥90百分比\", \"≥90％\".\nGood: \"≥90%\"."}},
          [](Context& c) {
            for_each_row(c, [](Context& c, const Project* p, const Indicator& i) {
              if (!i.value.unit) return;
              if (auto standard = standard_unit(*i.value.unit)) {
                const std::string_view text = i.value.text, unit = *i.value.unit;
                c.report(p, at_field(i, IndicatorField::value),
                         text::concat({"指标值“", text, "”的单位“", unit, "”应写作“", *standard, "”"}),
                         text::concat({"the unit \"", unit, "\" of \"", text, "\" should be \"", *standard, "\""}));
              }
            });
          },
          fix_units};
}

}  // namespace jixiao::rules
