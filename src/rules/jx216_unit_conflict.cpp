// JX216 unit-conflict: the unit written in a value disagrees with the unit column, or a money
// unit measures quality or satisfaction.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX216/.
#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {
namespace {

std::string unit_key(const std::string& unit) {
  std::string u = text::fold_for_matching(unit);
  if (u == "百分比" || u == "百分率") return "%";
  return u;
}

}  // namespace

Rule unit_conflict() {
  return {{"JX216", "unit-conflict", Severity::warning, false,
           {"指标值的单位与计量单位不符", "the unit in a value disagrees with the unit column"},
           {"指标值里写的单位应与计量单位（度量单位）一栏一致；质量和满意度指标是比率，不应以金额（元、万元）衡量。\n"
            "错误示例：指标值“28.8万元”，计量单位“%”；满意度指标“≥5万元”。\n"
            "正确示例：指标值“28.8”，计量单位“万元”；满意度“≥90%”。",
            "The unit written in a value must agree with the unit column (计量单位, 度量单位); "
            "quality and satisfaction indicators are rates, not amounts of money.\n"
            "Bad: 指标值 \"28.8万元\" under 计量单位 \"%\"; a satisfaction of \"≥5万元\".\n"
            "Good: \"28.8\" under \"万元\"; a satisfaction of \"≥90%\"."}},
          [](Context& c) {
            for_each_row(c, [](Context& c, const Project* p, const Indicator& i) {
              // The unit the value's own text carries: the model's, where the text ends with it (else
              // it came from the unit column or the name's brackets).
              const auto& written = i.value.unit;
              if (!written || text::is_blank(*written) || !text::ends_with(text::trim_view(i.value.text), *written)) return;
              const auto& column = i.other().measure_unit;
              if (column && !text::is_blank(*column) && unit_key(*written) != unit_key(*column)) {
                c.report(p, at_field(i, IndicatorField::value), "指标值“" + i.value.text + "”的单位“" + *written + "”与计量单位“" + *column + "”不符",
                         "the value \"" + i.value.text + "\" is in \"" + *written + "\", the unit column says \"" +
                             *column + "\"");
                return;
              }
              const std::string& level2 = c.categories(i).level2;
              if (money_digits(*written) && (text::contains(level2, "质量") || text::contains(level2, "满意度")))
                c.report(p, at_field(i, IndicatorField::value), i.level2 + "“" + i.level3 + "”的指标值“" + i.value.text + "”是金额",
                         i.level2 + " \"" + i.level3 + "\" has an amount of money as its value: \"" + i.value.text + "\"");
            });
          }};
}

}  // namespace jixiao::rules
