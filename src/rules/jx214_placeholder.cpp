// JX214 placeholder: a value or required field holds a placeholder, not a value.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX214/.
#include <cctype>
#include <tuple>

#include "rules/rule.hpp"
#include "util/text.hpp"

namespace jixiao::rules {
namespace {

// Whether a field's text is a placeholder left from the template: a mark alone (`*`, `/`, `—`,
// `……`), a request to fill in (待填写, 请填写, （略）), XX or ×× standing for what is missing,
// or a {name} to be replaced. A blank field is JX206's or JX002's business, not this rule's.
// Whether the text holds a character a placeholder is made of: most values ("≥90优") hold none,
// and are turned away in one pass without folding them (this runs on every field of every row).
bool may_hold_placeholder(const std::string& text) {
  std::size_t len = 0;
  bool exact = true;
  for (std::size_t i = 0; i < text.size(); i += len) {
    const char32_t c = text::decode_one(text, i, len, exact);
    if (len == 0) return true;  // not UTF-8: let the folding decide
    switch (c) {
      case '*': case '/': case '\\': case '-': case '.': case 'X': case 'x': case '{': case '(':
      case U'—': case U'…': case U'略': case U'待': case U'请': case U'填': case U'×': case U'（':
      case U'＊': case U'／': case U'－': case U'．': case U'Ｘ': case U'ｘ': case U'｛':
        return true;
      default:
        break;
    }
  }
  return false;
}

bool is_placeholder(const std::string& text) {
  if (!may_hold_placeholder(text)) return false;
  const std::string s = text::fold_for_matching(text);  // no spaces, half-width
  if (s.empty()) return false;
  for (const char* whole : {"*", "/", "\\", "—", "——", "-", "--", "…", "……", "...", "......", "略", "(略)",
                            "待填写", "请填写", "待填", "填写", "xx", "XX", "××", "x", "X"})
    if (s == whole) return true;
  for (const char* part : {"××", "待填写", "请填写"})
    if (text::contains(s, part)) return true;
  // XX standing for a number or a name ("完成XX项", "XX镇"): not inside a run of letters and
  // digits, as in a project code ("1307302128118SZXXHUR7").
  auto alnum = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; };
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i;
    while (j < s.size() && (s[j] == 'X' || s[j] == 'x')) ++j;
    if (j - i >= 2 && (i == 0 || !alnum(s[i - 1])) && (j == s.size() || !alnum(s[j]))) return true;
    i = j > i ? j : i + 1;
  }
  const std::size_t open = s.find('{');
  return open != std::string::npos && s.find('}', open) != std::string::npos;
}

}  // namespace

Rule placeholder() {
  return {{"JX214", "placeholder", Severity::error, false,
           {"字段是占位符而不是内容", "a value or required field holds a placeholder"},
           {"模板里的占位符（*、/、—、XX、××、待填写、请填写、（略）、{单位}、……）没有换成实际内容，"
            "这一栏等于没填。标签里的 * 表示必填，不在此列。\n"
            "错误示例：指标值“*”；三级指标“完成XX项”。\n正确示例：指标值“≥95%”；三级指标“完成培训场次”。",
            "A template's placeholder (*, /, —, XX, ××, 待填写, 请填写, （略）, {单位}, ……) left "
            "where the content belongs: the field is as good as empty. A * in a label marks it "
            "required and is not flagged.\n"
            "Bad: 指标值 \"*\"; 三级指标 \"完成XX项\".\nGood: 指标值 \"≥95%\"; 三级指标 \"完成培训场次\"."}},
          [](Context& c) {
            for (const Project& p : c.doc.projects) {
              const std::pair<const std::optional<std::string>*, const char*> fields[] = {
                  {&p.code, "code"}, {&p.name, "name"}, {&p.purpose, "purpose"}};
              for (const auto& [field, key] : fields)
                if (*field && is_placeholder(**field))
                  c.report(&p, card_at(p), field_zh(key) + "是占位符“" + **field + "”",
                           field_zh(key) + " is a placeholder: \"" + **field + "\"");
              if (p.goals)
                for (const std::string& g : *p.goals)
                  if (is_placeholder(g))
                    c.report(&p, card_at(p), field_zh("goals") + "是占位符“" + g + "”",
                             field_zh("goals") + " is a placeholder: \"" + g + "\"");
            }
            for_each_row(c, [](Context& c, const Project* p, const Indicator& i) {
              const std::tuple<const std::string*, const char*, IndicatorField> fields[] = {
                  {&i.level3, "level3", IndicatorField::level3},
                  {&i.value.text, "value", IndicatorField::value},
                  {&i.description, "description", IndicatorField::description}};
              for (const auto& [text, key, field] : fields)
                if (is_placeholder(*text))
                  c.report(p, at_field(i, field), field_zh(key) + "是占位符“" + *text + "”",
                           field_zh(key) + " is a placeholder: \"" + *text + "\"");
            });
          }};
}

}  // namespace jixiao::rules
