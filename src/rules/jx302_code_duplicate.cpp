// JX302 code-duplicate: two cards share a 项目编码.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX302/.
#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

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
            // The document's codes, without spaces, each with its card, in card order.
            std::vector<std::pair<std::string, const Project*>> here;
            for (const Project& p : c.doc.projects)
              if (p.code && !text::is_blank(*p.code)) here.emplace_back(text::strip_spaces(*p.code), &p);
            if (here.empty()) return;
            // Each code's first card in the document: the codes sorted (equal ones in card order).
            std::vector<std::size_t> order(here.size()), first(here.size());
            for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return here[a].first < here[b].first; });
            for (std::size_t k = 0; k < order.size(); ++k)
              first[order[k]] = k > 0 && here[order[k]].first == here[order[k - 1]].first ? first[order[k - 1]] : order[k];
            std::shared_ptr<const std::string> path;  // made once, for all the codes of the document
            for (std::size_t k = 0; k < here.size(); ++k) {
              const auto& [key, p] = here[k];
              if (first[k] != k) {
                const std::string seq = std::to_string(here[first[k]].second->seq);
                c.report(p, card_at(*p), "项目编码 " + *p->code + " 与本文档项目" + seq + "重复",
                         "项目编码 " + *p->code + " repeats project " + seq + " of this document");
                continue;
              }
              if (!path) path = std::make_shared<const std::string>(c.doc.source.path);
              auto [seen, added] = c.codes_seen.try_emplace(key, SeenCode{path, p->seq});
              if (added) continue;
              c.report(p, card_at(*p),
                       "项目编码 " + *p->code + " 与 " + *seen->second.path + " 的项目" + std::to_string(seen->second.seq) + "重复",
                       "项目编码 " + *p->code + " repeats project " + std::to_string(seen->second.seq) + " of " +
                           *seen->second.path);
            }
          }};
}

}  // namespace jixiao::rules
