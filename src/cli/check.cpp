// jixiao check INPUTS: the documents checked against the rules, in one report.
#include <iostream>

#include "cli/common.hpp"
#include "jixiao/check.hpp"

namespace jixiao::cli {
namespace {

class CheckCommand : public CommandLine {
public:
  explicit CheckCommand(CLI::App& parent) {
    app = parent.add_subcommand(
        "check", "按规则检查绩效目标表 / check documents against the rules (jixiao rules lists them)");
    app->add_option("inputs", inputs_, "要检查的文件（.docx、.xlsx；.doc、.wps、.odt、.rtf、.xls、.et、.ods 经 "
                                       "LibreOffice 转换）或文件夹 / files to check (.docx, .xlsx; .doc, .wps, .odt, .rtf, .xls, "
                                       ".et, .ods through LibreOffice) or folders")
        ->required();
    output_.add_format(app, "--format");
    output_.add_path(app, "报告文件（默认标准输出）/ report file (default: stdout)");
    app->add_option("--config", config_path_,
                    "配置文件（默认在输入文件所在及上级目录找 .jixiao.json）/ configuration file "
                    "(default: .jixiao.json in the input's folder or a parent)");
    app->add_option("--profile", profile_, "指标体系 / indicator framework: auto (default), 2015, 2021")
        ->check(CLI::IsMember({"auto", "2015", "2021"}));
    app->add_option("--year", year_, "预算年度，供 JX303 使用 / budget year, for JX303")->check(CLI::Range(2000, 2099));
    app->add_option("--select", select_, "只运行这些规则（可用前缀，如 JX2）/ run only these rules (prefixes allowed)")
        ->delimiter(',');
    app->add_option("--ignore", ignore_, "不运行这些规则 / skip these rules (prefixes allowed)")->delimiter(',');
    app->add_flag("--with-contacts", with_contacts_,
                  "审核页面中显示项目负责人和联系电话（个人信息，默认不显示）/ show 项目负责人 and 联系电话 "
                  "(personal data, left out by default) on the review page (--format html)");
    app->add_option("--fail-on", fail_on_, "达到此级别即退出 1 / exit 1 at or above: error (default), warning, info")
        ->check(CLI::IsMember({"error", "warning", "info"}));
    reading_.add_to(app);
    reading_.add_batch_to(app);
    output_.add_colour(app);
  }

  int run(Lang lang) override {
    CheckOptions options;
    if (!options_from_flags(options, lang)) return kMisuse;
    const auto format = static_cast<ReportFormat>(output_.info().value);
    const bool paint = output_.paint();
    return write_output_of(output_, inputs_, lang, [&](Output& sink, bool& commit) {
      auto outcome = check_stream(inputs_, options, [&](Severity fail_on) {
        return make_report_writer(format, {lang, paint, fail_on, with_contacts_}, [&](const std::string& s) { sink.write(s); });
      });
      if (!outcome) {
        std::cerr << outcome.error().message.in(lang) << "\n";
        commit = false;
        return kMisuse;
      }
      if (outcome->unreadable) return kMisuse;  // the report is kept: it names them
      return outcome->failures ? kFindings : kOk;
    });
  }

private:
  // The flags as CheckOptions; false (said) when a rule id is not one.
  bool options_from_flags(CheckOptions& options, Lang lang) const {
    options.limits = reading_.limits;
    if (!config_path_.empty()) options.config_path = config_path_;
    if (!profile_.empty()) {
      options.profile_given = true;
      options.overrides.profile = profile_ == "2015" ? Profile::y2015 : profile_ == "2021" ? Profile::y2021
                                                                                           : Profile::auto_detect;
    }
    if (!fail_on_.empty()) {
      options.fail_on_given = true;
      options.overrides.fail_on = *parse_severity(fail_on_);
    }
    if (year_) options.overrides.year = year_;
    options.overrides.select = select_;
    options.overrides.ignore = ignore_;
    for (const auto& ids : {select_, ignore_})
      for (const auto& id : ids)
        if (!is_rule_prefix(id)) {
          say(id + ": 不是规则编号或其前缀（如 JX101、JX2）", id + ": not a rule id or a prefix of one (JX101, JX2)", lang);
          return false;
        }
    options.jobs = reading_.jobs;
    options.progress = reading_.progress();
    options.lang = lang;
    options.converter = reading_.converter();
    return true;
  }

  std::vector<std::string> inputs_, select_, ignore_;
  std::string config_path_, profile_, fail_on_;
  int year_ = 0;
  bool with_contacts_ = false;
  OutputOptions output_{Command::check, "text"};
  ReadingOptions reading_;
};

}  // namespace

std::unique_ptr<CommandLine> add_check(CLI::App& app) { return std::make_unique<CheckCommand>(app); }

}  // namespace jixiao::cli
