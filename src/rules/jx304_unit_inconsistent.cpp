// JX304 unit-inconsistent: the cards of one document name different units.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX304/.
#include "rules/rule.hpp"

namespace jixiao::rules {

Rule unit_inconsistent() {
  return {{"JX304", "unit-inconsistent", Severity::warning, false,
           {"同一文档的项目表写了不同的单位", "the cards of one document name different units"},
           {"一个文档是一个预算单位的报送，所有项目表的单位编码和名称应一致；不一致多半是从别的单位的文件复制而来。\n"
            "错误示例：一个项目表写“803004怀来县北辛堡镇人民政府”，另一个写“803005怀来县土木镇人民政府”。\n"
            "正确示例：所有项目表都写“803004怀来县北辛堡镇人民政府”。",
            "A document is one unit's submission: every card names the same unit. A different one "
            "usually comes from copying another unit's file.\nBad: one card for 803004 北辛堡镇, "
            "another for 803005 土木镇.\nGood: every card names 803004 怀来县北辛堡镇人民政府."}},
          [](Context& c) {
            const Project* first = nullptr;
            for (const Project& p : c.doc.projects) {
              if (!p.unit) continue;
              if (!first) {
                first = &p;
                continue;
              }
              if (p.unit->code != first->unit->code || p.unit->name != first->unit->name)
                c.report(&p, card_at(p),
                         "单位“" + p.unit->code + p.unit->name + "”与项目" + std::to_string(first->seq) + "的“" +
                             first->unit->code + first->unit->name + "”不同",
                         "the unit \"" + p.unit->code + p.unit->name + "\" differs from project " +
                             std::to_string(first->seq) + "'s \"" + first->unit->code + first->unit->name + "\"");
            }
          }};
}

}  // namespace jixiao::rules
