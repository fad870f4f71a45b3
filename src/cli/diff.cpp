// jixiao diff OLD NEW: what changed between two versions (documents or folders).
#include <iostream>

#include "cli/common.hpp"
#include "jixiao/diff.hpp"

namespace jixiao::cli {
namespace {

class DiffCommand : public CommandLine {
public:
  explicit DiffCommand(CLI::App& parent) {
    app = parent.add_subcommand(
        "diff", "比较两个版本（文件或文件夹）有何变化 / what changed between two versions (documents or folders)");
    app->add_option("old", old_, "旧版本：文件或文件夹 / the old version: a document or a folder")->required();
    app->add_option("new", new_, "新版本：文件或文件夹（文件夹中的文件按单位编码、再按文件名配对）/ the new "
                                 "version: a document or a folder (a folder's documents are paired by unit "
                                 "code, then by file name)")->required();
    output_.add_format(app, "--format");
    output_.add_path(app, "输出文件（默认标准输出）/ output file (default: stdout)");
    app->add_option("--threshold", threshold_,
                    "预算变动超过此百分比即标出（默认 50）/ flag budget changes above this percentage (default 50)");
    app->add_flag("--exact", exact_,
                  "空白的差异也算改动（默认不算：LibreOffice 保存时会合并连续空格）/ report differences of whitespace "
                  "alone too (by default they are none: LibreOffice collapses double spaces when it saves)");
    app->add_flag("--ignore-whitespace", ignore_whitespace_,
                  "忽略空白的差异（默认如此，保留供旧脚本使用）/ ignore differences in spaces (the default; kept for "
                  "scripts)")->excludes("--exact");
    app->add_option("--fail-on-change", fail_on_change_,
                    "何种变化退出 1：any（默认，同 diff(1)）或 flagged（仅预算变动超过阈值）/ which changes exit 1: "
                    "any (the default, as diff(1)) or flagged (only budget changes above the threshold)")
        ->check(CLI::IsMember({"any", "flagged"}))
        ->expected(0, 1)
        ->default_str("any");
    reading_.add_to(app);
    reading_.add_batch_to(app);
    output_.add_colour(app);
  }

  int run(Lang lang) override {
    DiffOptions options;
    auto t = Decimal::parse(threshold_);
    if (!t || t->is_negative()) {
      say(threshold_ + ": --threshold 应为百分数，如 50 或 12.5", threshold_ + ": --threshold takes a percentage such as 50 or 12.5",
          lang);
      return kMisuse;
    }
    options.threshold = *t;
    options.exact = exact_;
    options.jobs = reading_.jobs;
    options.progress = reading_.progress();
    options.lang = lang;
    options.limits = reading_.limits;
    options.converter = reading_.converter();
    const auto format = static_cast<DiffFormat>(output_.info().value);
    bool written = false;
    const int status = write_output_of(output_, {old_, new_}, lang, [&](Output& sink, bool&) {
      auto writer = make_diff_writer(format, old_, new_, options, output_.paint(),
                                     [&](const std::string& s) { sink.write(s); });
      summary_ = diff_inputs(old_, new_, options, *writer);
      written = true;
      return kOk;
    });
    return status == kMisuse || !written ? kMisuse : finish();
  }

private:
  // The errors said once the output is written (a text diff to the terminal has said them), and
  // the exit status.
  int finish() const {
    if (output_.format != "text" || !output_.path.empty())
      for (const std::string& e : summary_.errors) std::cerr << e << "\n";
    if (summary_.unreadable) return kMisuse;
    if (fail_on_change_ == "flagged") return summary_.flagged ? kFindings : kOk;
    return summary_.changed + summary_.added + summary_.removed ? kFindings : kOk;
  }

  std::string old_, new_, threshold_ = "50", fail_on_change_;
  bool exact_ = false;
  bool ignore_whitespace_ = false;  // the default since --exact came
  OutputOptions output_{Command::diff, "text"};
  ReadingOptions reading_;
  DiffSummary summary_;
};

}  // namespace

std::unique_ptr<CommandLine> add_diff(CLI::App& app) { return std::make_unique<DiffCommand>(app); }

}  // namespace jixiao::cli
