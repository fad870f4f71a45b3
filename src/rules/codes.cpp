// JX301 code-format, JX302 code-duplicate, JX303 code-year, JX304 unit-inconsistent,
// JX305 town-township-mixed: who the document is about, and under which codes.
#include <cctype>
#include <cstdio>
#include <map>
#include <regex>

#include "rules/rule.hpp"
#include "util/text.hpp"
#include "util/thread_local.hpp"

namespace jixiao::rules {

const char* const kDefaultCodePattern = "^[0-9]{6}[0-9]{2}[0-9A-Za-z]{13}$";

Rule code_format() {
  return {{"JX301", "code-format", Severity::warning, false,
           {"项目编码格式不符", "a 项目编码 does not match the configured pattern"},
           {"项目编码由预算系统生成，默认格式为 6 位区划码、2 位年度和 13 位字母或数字。"
            "手工录入时常多一位、少一位或混入空格。格式可在配置中用 pattern 修改。\n"
            "错误示例：“13073021EOT8X7ZTVTKA”（少一位）。\n正确示例：“13073021EOT8X7ZTVTKA0”。",
            "Project codes come from the budget system: by default a 6-digit division code, a "
            "2-digit year and 13 letters or digits. Typed by hand they gain or lose a character "
            "or a space. Set another pattern in the configuration.\n"
            "Bad: \"13073021EOT8X7ZTVTKA\" (one short).\nGood: \"13073021EOT8X7ZTVTKA0\"."},
           "pattern: an ECMAScript regular expression the whole code must match "
           "(default ^[0-9]{6}[0-9]{2}[0-9A-Za-z]{13}$)"},
          [](Context& c) {
            // Compiled once per thread and pattern (a county has one), not for every document.
            using Compiled = std::map<std::string, std::regex>;
            JIXIAO_THREAD_LOCAL(Compiled, compiled);
            const std::string text = c.option("pattern", kDefaultCodePattern);
            auto it = compiled.find(text);
            if (it == compiled.end()) it = compiled.emplace(text, std::regex(text)).first;
            const std::regex& pattern = it->second;
            for (const Project& p : c.doc.projects)
              if (p.code && !p.code->empty() && !std::regex_match(*p.code, pattern))
                c.report(&p, card_at(p), "项目编码“" + *p.code + "”不符合格式 " + c.option("pattern", kDefaultCodePattern),
                         "项目编码 \"" + *p.code + "\" does not match " + c.option("pattern", kDefaultCodePattern));
          }};
}

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

Rule code_year() {
  return {{"JX303", "code-year", Severity::warning, false,
           {"项目编码中的年度与预算年度不符", "the year digits of a 项目编码 differ from the budget year"},
           {"项目编码第 7–8 位是年度；与预算年度不一致，通常是沿用了往年的编码。预算年度取自配置的 year，"
            "或文档标题中写明的年度；都没有时不检查。\n"
            "错误示例：2021 年预算中的“13073020…”。\n正确示例：“13073021…”。",
            "Digits 7–8 of a code are its year; a mismatch usually means last year's code was "
            "reused. The budget year comes from the configuration's year, or from a title of the "
            "document; without either nothing is checked.\nBad: \"13073020…\" in the 2021 budget.\n"
            "Good: \"13073021…\"."}},
          [](Context& c) {
            std::optional<int> year = c.config.year ? c.config.year : c.doc.year;
            if (!year) return;
            std::string want = std::to_string(100 + *year % 100).substr(1);  // two digits
            for (const Project& p : c.doc.projects) {
              if (!p.code || p.code->size() < 8) continue;
              std::string digits = p.code->substr(6, 2);
              if (!std::isdigit(static_cast<unsigned char>(digits[0])) ||
                  !std::isdigit(static_cast<unsigned char>(digits[1])) || digits == want)
                continue;
              c.report(&p, card_at(p),
                       "项目编码 " + *p.code + " 的年度位为“" + digits + "”，预算年度为 " + std::to_string(*year),
                       "项目编码 " + *p.code + " has the year digits \"" + digits + "\"; the budget year is " +
                           std::to_string(*year));
            }
          }};
}

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

namespace jixiao::rules {

Rule town_township_mixed() {
  return {{"JX305", "town-township-mixed", Severity::warning, false,
           {"同一单位既称“乡”又称“镇”", "the same unit is called both 乡 and 镇"},
           {"一个单位要么是乡、要么是镇。文中“全乡”“全镇”混用，或单位名称是镇而文中写“全乡”，"
            "多半是套用了别的单位的文字。\n错误示例：北辛堡镇的文档中写“大力发展全乡经济”。\n"
            "正确示例：“大力发展全镇经济”。",
            "A unit is either a township (乡) or a town (镇). Mixing 全乡 and 全镇, or writing 全乡 in "
            "a town's document, usually comes from reusing another unit's text.\n"
            "Bad: \"大力发展全乡经济\" in the document of 北辛堡镇.\nGood: \"大力发展全镇经济\"."}},
          [](Context& c) {
            static const char* const kXiang[] = {"全乡", "本乡", "我乡"};
            static const char* const kZhen[] = {"全镇", "本镇", "我镇"};
            std::string unit_name;
            for (const Project& p : c.doc.projects)
              if (p.unit && unit_name.empty()) unit_name = p.unit->name;
            bool unit_is_zhen = text::ends_with(unit_name, "镇人民政府") || text::ends_with(unit_name, "镇");
            bool unit_is_xiang = text::ends_with(unit_name, "乡人民政府") || text::ends_with(unit_name, "乡");
            const Department& d = c.doc.department;
            const struct {
              const std::optional<std::string>& text;
              const char* zh;
              const char* en;
            } fields[] = {{d.overall_goal, "总体绩效目标", "section 总体绩效目标"},
                          {d.sub_goals, "分项绩效目标", "section 分项绩效目标"},
                          {d.safeguards, "工作保障措施", "section 工作保障措施"}};
            auto found = [&](const char* const* words, std::size_t n) {
              for (const auto& f : fields)
                for (std::size_t k = 0; k < n; ++k)
                  if (f.text && text::contains(*f.text, words[k])) return std::make_pair(&f, words[k]);
              return std::make_pair(static_cast<decltype(&fields[0])>(nullptr), static_cast<const char*>(nullptr));
            };
            auto xiang = found(kXiang, 3), zhen = found(kZhen, 3);
            auto say = [&](auto said, auto other, const char* other_word) {
              std::string zh = std::string(said.first->zh) + "写“" + said.second + "”，";
              std::string en = std::string("the ") + said.first->en + " says \"" + said.second + "\"";
              if (other.first) {
                zh += std::string(other.first->zh) + "却写“" + other.second + "”";
                en += std::string(" but the ") + other.first->en + " says \"" + other.second + "\"";
              } else {
                zh += "而单位“" + unit_name + "”是" + other_word;
                en += " but the unit \"" + unit_name + "\" is a " + (std::string(other_word) == "镇" ? "town (镇)" : "township (乡)");
              }
              c.report(nullptr, {}, zh, en);
            };
            if (xiang.first && (zhen.first || unit_is_zhen)) say(xiang, zhen, "镇");
            else if (zhen.first && unit_is_xiang) say(zhen, xiang, "乡");
          }};
}

}  // namespace jixiao::rules
