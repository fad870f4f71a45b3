#include "jixiao/convert.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jixiao/check.hpp"
#include "jixiao/emit.hpp"

namespace jixiao {
namespace {

Error write_error(const std::string& path, const std::string& reason) {
  return Error{ErrorKind::cannot_open, {"无法写入输出文件 " + path + "：" + reason,
                                        "cannot write the output file " + path + ": " + reason}};
}

bool write_all(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

ConvertResult convert(const std::vector<std::string>& inputs, const ConvertOptions& options) {
  ConvertResult result;
  std::vector<Document> docs;
  for (const std::string& path : inputs) {
    auto doc = read_document(path, options.read);
    if (doc) docs.push_back(std::move(*doc));
    else result.failures.push_back({path, doc.error()});
  }
  if (docs.empty()) return result;
  switch (options.format) {
    case OutputFormat::json:
      result.output = inputs.size() == 1 ? to_json(docs.front(), options.lang) : to_batch_json(docs, options.lang);
      break;
    case OutputFormat::csv: {
      DataTable t = options.table == TableChoice::projects ? projects_table(docs) : indicators_table(docs);
      auto csv = to_csv(t, options.headers, options.encoding);
      if (!csv) result.failures.push_back({"-", csv.error()});
      else result.output = std::move(*csv);
      break;
    }
    case OutputFormat::xlsx: {
      std::vector<DataTable> tables = {projects_table(docs), indicators_table(docs)};
      if (options.with_findings) {
        std::vector<std::string> readable;
        for (const Document& d : docs) readable.push_back(d.source.path);
        auto report = check_files(readable, {});
        if (report) tables.push_back(findings_table(*report, options.lang));
        else result.failures.push_back({"-", report.error()});
      }
      auto xlsx = to_xlsx(tables, options.headers);
      if (!xlsx) result.failures.push_back({"-", xlsx.error()});
      else result.output = std::move(*xlsx);
      break;
    }
  }
  return result;
}

std::optional<Error> refuse_overwriting_input(const std::string& output,
                                              const std::vector<std::string>& inputs) {
  struct stat out;
  if (output.empty() || ::stat(output.c_str(), &out) != 0 || !S_ISREG(out.st_mode)) return std::nullopt;
  for (const std::string& in : inputs) {
    struct stat st;
    if (::stat(in.c_str(), &st) == 0 && st.st_dev == out.st_dev && st.st_ino == out.st_ino)
      return Error{ErrorKind::cannot_open,
                   {"输出文件 " + output + " 就是输入文件：jixiao 从不覆盖输入，请换一个输出文件名",
                    "the output " + output + " is one of the inputs: jixiao never overwrites an input; "
                    "choose another output name"}};
  }
  return std::nullopt;
}

std::optional<Error> write_output(const std::string& path, const std::string& data) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    int fd = ::open(path.c_str(), O_WRONLY);
    if (fd < 0) return write_error(path, std::strerror(errno));
    bool ok = write_all(fd, data);
    int saved = errno;
    ::close(fd);
    if (!ok) return write_error(path, std::strerror(saved));
    return std::nullopt;
  }
  std::string tmp = path + ".jixiao-tmp-" + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return write_error(path, std::strerror(errno));
  bool ok = write_all(fd, data) && ::fsync(fd) == 0;
  int saved = errno;
  ::close(fd);
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    if (ok) saved = errno;
    std::remove(tmp.c_str());
    return write_error(path, std::strerror(saved));
  }
  return std::nullopt;
}

}  // namespace jixiao
