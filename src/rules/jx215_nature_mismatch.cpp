// JX215 nature-mismatch: 指标性质 / 指标值类型 says one thing and the value another.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX215/.
#include "extract/values.hpp"
#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {

Rule nature_mismatch() {
  return {{"JX215", "nature-mismatch", Severity::warning, false,
           {"指标性质与指标值不符", "指标性质 / 指标值类型 disagrees with the value"},
           {"指标性质（或指标值类型）为“定量”或比较符（≥、≤、=）时，指标值应是数字；为“定性”时，"
            "指标值是文字，不应是单独的数字，也不应填计量单位。\n"
            "错误示例：指标值类型“定量”，指标值“按月安排”；“定性”，计量单位“%”。\n"
            "正确示例：“定量”，指标值“12”，计量单位“次”；“定性”，指标值“按月安排”，计量单位空。",
            "Where 指标性质 (or 指标值类型) is 定量 or a comparison (≥, ≤, =), the value must be a "
            "number; where it is 定性, the value is words: not a bare number, and no unit.\n"
            "Bad: 指标值类型 \"定量\", 指标值 \"按月安排\"; \"定性\" with 计量单位 \"%\".\n"
            "Good: \"定量\", \"12\", 计量单位 \"次\"; \"定性\", \"按月安排\", no unit."}},
          [](Context& c) {
            for_each_row(c, [](Context& c, const Project* p, const Indicator& i) {
              const OtherColumns& o = i.other();
              if (!o.nature || text::is_blank(i.value.text)) return;
              const std::string nature = text::fold_for_matching(*o.nature);
              const bool quantitative = nature == "定量" || nature == "≥" || nature == "≤" || nature == "=" ||
                                        nature == ">=" || nature == "<=" || nature == ">" || nature == "<";
              const std::string& v = i.value.text;
              if (quantitative && !i.value.number && !i.value.grade && !extract::is_date_value(v)) {
                c.report(p, at_field(i, IndicatorField::value), "“" + i.level3 + "”的指标性质为“" + *o.nature + "”，指标值“" + v + "”却没有数字",
                         "\"" + i.level3 + "\" is " + *o.nature + ", yet its value \"" + v + "\" has no number");
              } else if (nature == "定性") {
                const bool bare = i.value.number && extract::parse_amount(v).has_value();
                const bool unit = o.measure_unit && !text::is_blank(*o.measure_unit);
                if (bare)
                  c.report(p, at_field(i, IndicatorField::value), "“" + i.level3 + "”为定性指标，指标值却是数字“" + v + "”",
                           "\"" + i.level3 + "\" is 定性, yet its value is the number \"" + v + "\"");
                else if (unit)
                  c.report(p, at_field(i, IndicatorField::value), "“" + i.level3 + "”为定性指标，却填了计量单位“" + *o.measure_unit + "”",
                           "\"" + i.level3 + "\" is 定性, yet has the unit \"" + *o.measure_unit + "\"");
              }
            });
          }};
}

}  // namespace jixiao::rules
