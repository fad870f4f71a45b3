// libFuzzer target over the whole path from bytes: package, XML, extraction, rules, emitters.
#include <cstdint>
#include <vector>

#include "jixiao/check.hpp"
#include "jixiao/docx.hpp"
#include "jixiao/emit.hpp"
#include "jixiao/pipeline.hpp"
#include "jixiao/tables.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::uint8_t> bytes(data, data + size);
  jixiao::ReadOptions options;
  options.require_target_tables = false;
  auto doc = jixiao::read_document_bytes(bytes, "fuzz.docx", options);
  if (!doc) return 0;
  jixiao::Checker checker;
  jixiao::Report report;
  report.files.push_back({"fuzz.docx", std::nullopt, checker.check(*doc, {})});
  for (auto format : {jixiao::ReportFormat::text, jixiao::ReportFormat::json, jixiao::ReportFormat::sarif,
                      jixiao::ReportFormat::junit})
    (void)jixiao::format_report(report, format, jixiao::Lang::zh, false);
  (void)jixiao::to_json(*doc, jixiao::Lang::en);
  std::vector<jixiao::Document> docs = {*doc};
  (void)jixiao::to_csv(jixiao::projects_table(docs), jixiao::HeaderLang::zh, jixiao::CsvEncoding::gb18030);
  (void)jixiao::to_csv(jixiao::indicators_table(docs), jixiao::HeaderLang::en, jixiao::CsvEncoding::utf8);
  // The writers that go through temporary files only when there is something to write.
  if (!doc->projects.empty()) {
    jixiao::apply_fixes(*doc);
    (void)jixiao::to_docx(*doc);
    (void)jixiao::to_xlsx({jixiao::projects_table(docs), jixiao::indicators_table(docs)}, jixiao::HeaderLang::zh);
  }
  return 0;
}
