// `convert` as a library call: read every input, write one output (streamed or whole) or one file per input.
#include "jixiao/convert.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#ifdef _WIN32
#include <process.h>
#else
#include <unistd.h>
#endif

#include "jixiao/check.hpp"
#include "jixiao/docx.hpp"
#include "jixiao/emit.hpp"
#include "jixiao/formats.hpp"
#include "jixiao/interrupt.hpp"
#include "util/files.hpp"

namespace jixiao {
namespace {

Error write_error(const std::string& path, const std::string& reason) {
  return Error{ErrorKind::cannot_open, {"无法写入输出文件 " + path + "：" + reason,
                                        "cannot write the output file " + path + ": " + reason}};
}

int process_id() {
#ifdef _WIN32
  return _getpid();
#else
  return ::getpid();
#endif
}

// Tables, workbooks and documents need every document before they can be written. A failure
// names the document when there is one document to blame (the normalized .docx), else "-".
std::optional<std::string> whole_output(const std::vector<Document>& docs, const ConvertOptions& options,
                                        std::vector<FileFailure>& failures) {
  const OutputFormatInfo& format = output_format_info(options.format);
  auto bytes = format.write.whole(docs, options);
  if (bytes) return std::move(*bytes);
  failures.push_back({!format.several && docs.size() == 1 ? docs.front().source.path : "-", bytes.error()});
  return std::nullopt;
}

}  // namespace

Expected<std::unique_ptr<Output>> Output::open(const std::string& path) {
  std::unique_ptr<Output> out(new Output());
  out->path_ = path;
  if (path.empty()) {
    out->fd_ = 1;
    return out;
  }
  const files::Kind kind = files::kind_of(path);
  if (kind != files::Kind::missing && kind != files::Kind::regular) {
    out->fd_ = files::open_write_existing(path);
  } else {
    // Beside the output, so that the rename stays on one file system; a name left by a run that
    // was killed outright (SIGKILL, a power cut) is passed over.
    const std::string stem = path + ".jixiao-tmp-" + std::to_string(process_id());
    for (int n = 0;; ++n) {
      out->temp_ = n ? stem + "-" + std::to_string(n) : stem;
      out->fd_ = interrupt::create_file(out->temp_);
      if (out->fd_ >= 0 || errno != EEXIST || n == 100) break;
    }
  }
  if (out->fd_ < 0) return write_error(path, std::strerror(errno));
  return out;
}

Output::~Output() {
  if (fd_ > 2) files::close(fd_);
  if (!temp_.empty() && !committed_) interrupt::remove(temp_);
}

bool Output::write(const std::string& bytes) {
  if (!failed_ && !files::write_text(fd_, bytes)) failed_ = true;
  return !failed_;
}

std::optional<Error> Output::close() {
  if (failed_) return write_error(path_.empty() ? "-" : path_, std::strerror(errno));
  if (temp_.empty() || fd_ < 0) return std::nullopt;
  const bool synced = files::sync(fd_), closed = files::close(fd_);
  fd_ = -1;
  if (!synced || !closed) {
    failed_ = true;
    return write_error(path_, std::strerror(errno));
  }
  return std::nullopt;
}

std::optional<Error> Output::commit(bool one_of_many) {
  if (auto error = close()) return error;
  if (temp_.empty() || committed_) return std::nullopt;
  interrupt::checkpoint("commit");
  if (!interrupt::rename_into_place(temp_, path_, one_of_many)) return write_error(path_, std::strerror(errno));
  committed_ = true;
  return std::nullopt;
}

std::optional<Error> write_output(const std::string& path, const std::string& data) {
  auto out = Output::open(path);
  if (!out) return out.error();
  (*out)->write(data);
  return (*out)->commit();
}

std::optional<Error> refuse_overwriting_input(const std::string& output,
                                              const std::vector<std::string>& inputs) {
  if (output.empty() || files::kind_of(output) != files::Kind::regular) return std::nullopt;
  for (const InputItem& in : expand_inputs(inputs).items) {
    std::error_code ec;  // the same file: the same device and inode, or on Windows the same file id
    if (in.path != "-" && std::filesystem::equivalent(std::filesystem::u8path(in.path), std::filesystem::u8path(output), ec))
      return Error{ErrorKind::cannot_open,
                   {"输出文件 " + output + " 就是输入文件：jixiao 从不覆盖输入，请换一个输出文件名",
                    "the output " + output + " is one of the inputs: jixiao never overwrites an input; "
                    "choose another output name"}};
  }
  return std::nullopt;
}

namespace {

// What a command does with each readable document (and the text prepared for it in the reading
// thread): an error when its output could not be written.
using UseDocument = std::function<std::optional<Error>(const InputItem&, Document&, std::string)>;

// Reads every input in order, with progress: an unreadable input becomes a failure and the
// others go to `use`. The part `convert` and `convert_each` share.
ConvertSummary read_all(const ExpandedInputs& inputs, const ConvertOptions& options, const Prepare& prepare,
                        const UseDocument& use) {
  ConvertSummary summary;
  for (auto& [path, error] : inputs.failures) summary.failures.push_back({path, error});
  summary.files = inputs.items.size();
  Progress progress(inputs.items.size(), options.progress, options.lang);
  interrupt::checkpoint("read");
  read_in_order(inputs.items, options.jobs, options.read, prepare,
                [&](std::size_t, const InputItem& item, Expected<Document> doc, std::string text) {
                  progress.step(item.path);
                  std::optional<Error> e = doc ? use(item, *doc, std::move(text)) : doc.error();
                  if (e) summary.failures.push_back({item.path, *e});
                  else ++summary.converted;
                });
  progress.finish();
  summary.seconds = progress.seconds();
  return summary;
}

}  // namespace

ConvertSummary convert(const std::vector<std::string>& arguments, const ConvertOptions& options, Output& out) {
  ExpandedInputs inputs = expand_inputs(arguments);
  bool streamed_batch = options.format == OutputFormat::json && !inputs.single_file;
  std::vector<Document> kept;  // CSV and XLSX only
  Prepare serialise;  // in the reading threads
  auto each = output_format_info(options.format).write.each;  // null: written whole
  bool text_out = each != nullptr;
  if (text_out || options.fix)
    serialise = [&](Expected<Document>& doc) -> std::string {
      if (!doc) return {};
      if (options.fix) apply_fixes(*doc);
      if (!text_out) return {};
      // In a batch, the json format's documents are members of one object.
      std::string text = streamed_batch ? batch_json_document(*doc, options.lang) : each(*doc, options.lang);
      // The sink needs only the text: the model is freed here, in the thread that made it,
      // rather than in the writing thread, where it would contend with the readers' allocations.
      *doc = Document{};
      return text;
    };
  bool first = true;
  ConvertSummary summary = read_all(inputs, options, serialise,
                                    [&](const InputItem&, Document& doc, std::string text) -> std::optional<Error> {
                                      if (!text_out) {
                                        kept.push_back(std::move(doc));
                                        return std::nullopt;
                                      }
                                      if (streamed_batch) {
                                        if (first) out.write(batch_json_open());
                                        out.write(batch_json_separator(first));
                                      }
                                      out.write(text);
                                      if (first) interrupt::checkpoint("write");
                                      first = false;
                                      return std::nullopt;
                                    });
  if (streamed_batch && summary.converted) out.write(batch_json_close(false));
  if (!kept.empty()) {
    if (auto bytes = whole_output(kept, options, summary.failures)) {
      out.write(*bytes);
      interrupt::checkpoint("write");
    } else {
      summary.converted = 0;
    }
  }
  summary.wrote = summary.converted > 0;
  return summary;
}

ConvertSummary convert_each(const std::vector<std::string>& arguments, const ConvertOptions& options,
                            const std::string& dir) {
  namespace fs = std::filesystem;
  Prepare fix;
  if (options.fix) fix = [](Expected<Document>& doc) -> std::string {
    if (doc) apply_fixes(*doc);
    return {};
  };
  // Each output is written beside its final name and renamed into place only once every input
  // has been read: an interrupted run leaves the folder as it was.
  std::vector<std::pair<std::string, std::unique_ptr<Output>>> staged;  // input path, output
  ConvertSummary summary = read_all(
      expand_inputs(arguments), options, fix,
      [&](const InputItem& item, Document& doc, std::string) -> std::optional<Error> {
        fs::path target = fs::u8path(dir) / fs::u8path(item.relative).replace_extension(output_format_info(options.format).extension);
        if (!interrupt::create_folders(target.parent_path().u8string()))
          return write_error(target.parent_path().u8string(), std::strerror(errno));
        std::string bytes;
        std::vector<FileFailure> failures;
        if (auto each = output_format_info(options.format).write.each) bytes = each(doc, options.lang);
        else if (auto whole = whole_output({doc}, options, failures)) bytes = *whole;
        if (!failures.empty()) return failures[0].error;
        auto out = Output::open(target.u8string());
        if (!out) return out.error();
        (*out)->write(bytes);
        if (auto error = (*out)->close()) return error;
        staged.emplace_back(item.path, std::move(*out));
        if (staged.size() == 1) interrupt::checkpoint("write");
        return std::nullopt;
      });
  for (auto& [input, out] : staged) {
    if (auto error = out->commit(/*one_of_many=*/true)) {
      summary.failures.push_back({input, *error});
      --summary.converted;
    }
    if (&out == &staged.front().second) interrupt::checkpoint("committed");
  }
  interrupt::keep_outputs();
  summary.wrote = summary.converted > 0;
  return summary;
}

std::string convert_summary(const ConvertSummary& s, Lang lang) {
  char time[32];
  std::snprintf(time, sizeof time, "%.1f", s.seconds);
  std::string out;
  if (lang == Lang::en) {
    out = "read " + std::to_string(s.files) + " files: " + std::to_string(s.converted) + " converted, " +
          std::to_string(s.failures.size()) + " failed, in " + time + " s\n";
    for (const FileFailure& f : s.failures) out += "  failed: " + f.path + ": " + f.error.message.en + "\n";
  } else {
    out = "读取 " + std::to_string(s.files) + " 个文件：转换 " + std::to_string(s.converted) + " 个，失败 " +
          std::to_string(s.failures.size()) + " 个，用时 " + time + " 秒\n";
    for (const FileFailure& f : s.failures) out += "  失败：" + f.path + "：" + f.error.message.zh + "\n";
  }
  return out;
}

}  // namespace jixiao
