// Reading many documents: the folder walk, the reading threads, and handing each result on in input order.
#include "jixiao/batch.hpp"
#include "jixiao/pipeline.hpp"

#include "jixiao/intake.hpp"
#include "intake/sniff.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace jixiao {
namespace fs = std::filesystem;

namespace {

bool wanted(const fs::path& p) {
  std::string name = p.filename().u8string();
  if (name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0) return false;
  // .docx and .xlsx, and what LibreOffice converts (known by content when read; by name only
  // here). A workbook jixiao wrote (the folder's own 汇总.xlsx from an earlier run) is output,
  // not a submission: left out, as Word's lock files are.
  const std::string ext = files::lower_extension(p.u8string());
  if (ext == ".xlsx" || ext == ".xlsm") return !jixiao_export_file(p.u8string(), ReadLimits{});
  return ext == ".docx" || legacy_extension(p.u8string()).has_value();
}

double now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

ExpandedInputs expand_inputs(const std::vector<std::string>& arguments) {
  ExpandedInputs out;
  for (const std::string& arg : arguments) {
    std::error_code ec;
    // Paths are UTF-8 strings in jixiao; fs::u8path and u8string keep them so on Windows too.
    const fs::path dir = fs::u8path(arg);
    if (arg == "-" || !fs::is_directory(dir, ec)) {
      out.items.push_back({arg, arg == "-" ? "stdin" : dir.filename().u8string()});
      continue;
    }
    std::vector<InputItem> found;
    auto options = fs::directory_options::skip_permission_denied;
    fs::recursive_directory_iterator it(dir, options, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      if (p.filename().u8string()[0] == '.' && it->is_directory(ec)) {
        it.disable_recursion_pending();  // hidden folders
        continue;
      }
      if (it->is_regular_file(ec) && wanted(p)) {
        // The iterator's paths are the folder's path and what lies below it: the relative part
        // is read off the text, without resolving either (fs::relative would, for every file).
        fs::path rel = p.lexically_relative(dir);
        found.push_back({p.u8string(), (rel.empty() ? fs::relative(p, dir, ec) : rel).u8string()});
      }
    }
    if (ec) {
      out.failures.push_back({arg, Error{ErrorKind::cannot_open, {"无法读取文件夹：" + ec.message(),
                                                                  "cannot read the folder: " + ec.message()}}});
    }
    std::sort(found.begin(), found.end(), [](const InputItem& a, const InputItem& b) { return a.path < b.path; });
    if (found.empty() && !ec)
      out.failures.push_back({arg, Error{ErrorKind::cannot_open, {"文件夹中没有 .docx、.xlsx（或 .doc、.wps、.odt、.rtf、.xls、.et、.ods）文件",
                                                                  "the folder holds no .docx or .xlsx (or .doc, .wps, .odt, .rtf, .xls, .et, .ods) file"}}});
    out.items.insert(out.items.end(), found.begin(), found.end());
  }
  std::error_code ec;
  out.single_file = arguments.size() == 1 && out.items.size() == 1 && !fs::is_directory(fs::u8path(arguments[0]), ec);
  return out;
}

Expected<Document> read_stdin(const ReadOptions& options) { return read_document_stream(stdin, "-", options); }

void read_in_order(const std::vector<InputItem>& items, int jobs, const ReadOptions& options,
                   const Prepare& prepare, const Sink& sink) {
  if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // Files named as LibreOffice's formats are converted ahead, in as few soffice runs as the jobs
  // allow, while the .docx files are read; one whose content says otherwise is read as it is.
  if (options.converter) {
    std::vector<std::pair<std::string, FileKind>> legacy;
    for (const InputItem& item : items)
      if (item.path != "-")
        if (auto format = legacy_extension(item.path)) legacy.emplace_back(item.path, *format);
    options.converter->prefetch(legacy);
  }
  struct Done {
    Expected<Document> doc;
    std::string prepared;
  };
  auto read_one = [&](const InputItem& item) {
    Done d{item.path == "-" ? read_stdin(options) : read_document(item.path, options), {}};
    if (prepare) d.prepared = prepare(d.doc);
    return d;
  };
  if (jobs == 1 || items.size() <= 1) {
    for (std::size_t k = 0; k < items.size(); ++k) {
      Done d = read_one(items[k]);
      sink(k, items[k], std::move(d.doc), std::move(d.prepared));
    }
    return;
  }
  // Documents held at most. Sizes vary tenfold across a county (3 to 40 cards): a narrow
  // window leaves a thread idle behind one large document (measured: 1.59-1.86x on 2 cores
  // with 2 per thread, 1.82-1.84x with 8), while memory stays flat either way.
  const std::size_t window = static_cast<std::size_t>(jobs) * 8;
  // No thread waits to write: the reader that finishes the next document in order passes it
  // to the sink, and every one after it that is ready, while the others read on. One reader
  // at a time does so, in order. (A writing thread woken for each document cost a context
  // switch per document on a machine whose cores the readers fill.)
  std::mutex m;
  std::condition_variable room;  // a reader waits here while the window is full
  std::map<std::size_t, std::optional<Done>> ready;
  std::size_t next_to_take = 0, next_to_emit = 0;
  bool emitting = false;
  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w)
    workers.emplace_back([&] {
      for (;;) {
        std::size_t k;
        {
          std::unique_lock<std::mutex> lock(m);
          room.wait(lock, [&] { return next_to_take >= items.size() || next_to_take < next_to_emit + window; });
          if (next_to_take >= items.size()) return;
          k = next_to_take++;
        }
        Done doc = read_one(items[k]);
        std::unique_lock<std::mutex> lock(m);
        ready[k].emplace(std::move(doc));
        if (emitting || k != next_to_emit) continue;  // another reader writes it, or it waits its turn
        emitting = true;
        for (auto it = ready.find(next_to_emit); it != ready.end(); it = ready.find(next_to_emit)) {
          Done next = std::move(*it->second);
          ready.erase(it);
          const std::size_t at = next_to_emit;
          lock.unlock();
          sink(at, items[at], std::move(next.doc), std::move(next.prepared));
          lock.lock();
          ++next_to_emit;
          room.notify_all();
        }
        emitting = false;
      }
    });
  for (auto& t : workers) t.join();
}

Progress::Progress(std::size_t total, bool enabled, Lang lang)
    : total_(total), enabled_(enabled), lang_(lang), start_(now()) {}

void Progress::step(const std::string& current) {
  ++done_;
  if (!enabled_) return;
  double t = now();
  if (done_ != total_ && t - last_draw_ < 0.1) return;
  last_draw_ = t;
  double rate = done_ / std::max(t - start_, 1e-6);
  char line[128];
  std::snprintf(line, sizeof line, "[%zu/%zu] %.1f %s ", done_, total_, rate, lang_ == Lang::en ? "files/s" : "个/秒");
  std::string name = current.size() > 60 ? "…" + current.substr(current.size() - 60) : current;
  // A file LibreOffice converts takes seconds, not milliseconds: the line says why.
  if (legacy_extension(current)) name += lang_ == Lang::en ? " (converted by LibreOffice)" : "（经 LibreOffice 转换）";
  std::cerr << "\r\033[K" << line << name << std::flush;
}

void Progress::finish() {
  if (enabled_) std::cerr << "\r\033[K" << std::flush;
}

double Progress::seconds() const { return now() - start_; }

}  // namespace jixiao
