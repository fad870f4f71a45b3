// Parses arguments, calls the library, maps results to exit codes. No logic of its own.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "jixiao/convert.hpp"

namespace {

constexpr int kOk = 0;
constexpr int kMisuse = 2;

void report(const std::string& path, const jixiao::Error& e, jixiao::Lang lang) {
  std::cerr << path << ": " << e.message.in(lang) << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"jixiao — 预算绩效目标表（.docx）的转换与检查 / converts and checks budget "
               "performance-target documents"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "jixiao 0.1.0");
  std::string lang_name = "zh";
  app.add_option("--lang", lang_name, "消息语言 / language of messages: zh (default) or en")
      ->check(CLI::IsMember({"zh", "en"}));
  app.fallthrough();

  CLI::App* convert = app.add_subcommand(
      "convert", "把 .docx 读成结构化数据 / read .docx files into the typed model and write it");
  std::vector<std::string> inputs;
  std::string to = "json", output;
  convert->add_option("inputs", inputs, "输入的 .docx 文件 / input .docx files")->required();
  convert->add_option("--to", to, "输出格式 / output format: json")
      ->check(CLI::IsMember({"json"}));
  convert->add_option("-o,--output", output,
                      "输出文件（默认标准输出）/ output file (default: standard output)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kMisuse;
  }
  jixiao::Lang lang = lang_name == "en" ? jixiao::Lang::en : jixiao::Lang::zh;

  jixiao::ConvertResult result = jixiao::convert_to_json(inputs, lang);
  for (const auto& f : result.failures) report(f.path, f.error, lang);
  if (result.output) {
    if (output.empty()) {
      std::fwrite(result.output->data(), 1, result.output->size(), stdout);
    } else if (auto e = jixiao::write_output(output, *result.output)) {
      report(output, *e, lang);
      return kMisuse;
    }
  }
  return result.failures.empty() ? kOk : kMisuse;
}
