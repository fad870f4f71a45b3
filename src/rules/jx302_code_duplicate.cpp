// JX302 code-duplicate: two cards share a 项目编码.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX302/.
#include <map>
#include <memory>
#include <string>

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
            std::map<std::string, int> first;  // each code of the document (without spaces), and its first card
            std::shared_ptr<const std::string> path;  // made once, for all the codes of the document
            for (const Project& p : c.doc.projects) {
              if (!p.code || text::is_blank(*p.code)) continue;
              auto [here, added] = first.emplace(text::strip_spaces(*p.code), p.seq);
              if (!added) {
                const std::string seq = std::to_string(here->second);
                c.report(&p, card_at(p), "项目编码 " + *p.code + " 与本文档项目" + seq + "重复",
                         "项目编码 " + *p.code + " repeats project " + seq + " of this document");
                continue;
              }
              if (!path) path = std::make_shared<const std::string>(c.doc.source.path);
              auto [seen, new_in_run] = c.codes_seen.try_emplace(here->first, SeenCode{path, p.seq});
              if (new_in_run) continue;
              const std::string seq = std::to_string(seen->second.seq);
              c.report(&p, card_at(p), "项目编码 " + *p.code + " 与 " + *seen->second.path + " 的项目" + seq + "重复",
                       "项目编码 " + *p.code + " repeats project " + seq + " of " + *seen->second.path);
            }
          }};
}

}  // namespace jixiao::rules
