// The convert formats written from every document at once (see whole.hpp).
#include "emit/model/whole.hpp"

#include "jixiao/check.hpp"
#include "jixiao/docx.hpp"
#include "jixiao/tables.hpp"

namespace jixiao::emit {

Expected<std::string> csv_output(const std::vector<Document>& docs, const ConvertOptions& options) {
  DataTable t = options.table == TableChoice::projects ? projects_table(docs, options.with_contacts) : indicators_table(docs);
  return to_csv(t, options.headers, options.encoding);
}

Expected<std::string> xlsx_output(const std::vector<Document>& docs, const ConvertOptions& options) {
  std::vector<DataTable> tables = {projects_table(docs, options.with_contacts), indicators_table(docs)};
  if (options.with_findings) {
    CheckSession session({});
    Report report;
    for (const Document& d : docs) report.files.push_back(session.check(d.source.path, d));
    tables.push_back(findings_table(report, options.lang));
  }
  return to_xlsx(tables, options.headers);
}

Expected<std::string> docx_output(const std::vector<Document>& docs, const ConvertOptions&) {
  if (docs.size() != 1)
    return Error{ErrorKind::cannot_open, {"--to docx 每个输入写一个文件：多个输入时请用 -o 文件夹/",
                                          "--to docx writes one file per input: with several inputs, use -o DIR/"}};
  return to_docx(docs.front());
}

}  // namespace jixiao::emit
