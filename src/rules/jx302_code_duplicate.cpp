// JX302 code-duplicate: two cards share a 项目编码.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX302/.
#include <map>

#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {

Rule code_duplicate() {
  return {{"JX302", "code-duplicate", Severity::error, false,
           {"项目编码重复", "two cards share a 项目编码"},
           {"一个项目编码只对应一个项目；同一文档或同一批文档中重复出现，汇总时会把两个项目算成一个。\n"
            "错误示例：两个项目都填“13073021EOT8X7ZTVTKA0”。\n正确示例：每个项目使用预算系统给出的各自编码。",
            "One code, one project: a code repeated within a document or across the documents of "
            "one run merges two projects in the county's dataset.\n"
            "Bad: two cards with \"13073021EOT8X7ZTVTKA0\".\nGood: each project with its own code."}},
          [](Context& c) {
            std::map<std::string, int> here;
            for (const Project& p : c.doc.projects) {
              if (!p.code || text::is_blank(*p.code)) continue;
              std::string key = text::strip_spaces(*p.code);
              if (auto it = here.find(key); it != here.end()) {
                c.report(&p, card_at(p), "项目编码 " + *p.code + " 与本文档项目" + std::to_string(it->second) + "重复",
                         "项目编码 " + *p.code + " repeats project " + std::to_string(it->second) + " of this document");
                continue;
              }
              here[key] = p.seq;
              if (auto it = c.codes_seen.find(key); it != c.codes_seen.end())
                c.report(&p, card_at(p),
                         "项目编码 " + *p.code + " 与 " + it->second.path + " 的项目" + std::to_string(it->second.seq) + "重复",
                         "项目编码 " + *p.code + " repeats project " + std::to_string(it->second.seq) + " of " +
                             it->second.path);
            }
            for (const auto& [key, seq] : here) c.codes_seen.emplace(key, SeenCode{c.doc.source.path, seq});
          }};
}

}  // namespace jixiao::rules
