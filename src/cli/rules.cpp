// jixiao rules [ID] [--markdown]: the rules listed, or one explained.
#include <iostream>

#include "cli/common.hpp"
#include "jixiao/check.hpp"

namespace jixiao::cli {
namespace {

class RulesCommand : public CommandLine {
public:
  explicit RulesCommand(CLI::App& parent) {
    app = parent.add_subcommand("rules", "列出规则或说明一条规则 / list the rules, or explain one");
    app->add_option("id", id_, "规则编号，如 JX101 / a rule id such as JX101");
    app->add_flag("--markdown", markdown_, "输出 docs/rules.md / print docs/rules.md");
  }

  int run(Lang lang) override {
    if (markdown_) return emit("", rules_markdown(), lang);
    if (id_.empty()) return emit("", rules_listing(lang), lang);
    auto text = rule_explanation(id_, lang);
    if (!text) {
      say(id_ + ": 没有这条规则；jixiao rules 列出全部规则", id_ + ": no such rule; jixiao rules lists them", lang);
      return kMisuse;
    }
    return emit("", *text, lang);
  }

private:
  std::string id_;
  bool markdown_ = false;
};

}  // namespace

std::unique_ptr<CommandLine> add_rules(CLI::App& app) { return std::make_unique<RulesCommand>(app); }

}  // namespace jixiao::cli
