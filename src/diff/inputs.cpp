// `jixiao diff OLD NEW` over documents and folders: reading both sides, pairing their
// documents, comparing each pair.
#include <map>

#include "jixiao/batch.hpp"
#include "jixiao/diff.hpp"
#include "jixiao/interrupt.hpp"

namespace jixiao {
namespace {

// One side of the run, read whole: pairing needs every document's unit code first.
struct Side {
  std::vector<InputItem> items;
  std::vector<std::optional<Document>> docs;
  std::vector<std::optional<std::string>> errors;  // why an item could not be read
  bool single_file = false;
};

Side read_side(const std::string& input, const DiffOptions& o, const ReadOptions& read, Progress& progress) {
  Side s;
  ExpandedInputs e = expand_inputs({input});
  s.single_file = e.single_file;
  for (auto& [path, error] : e.failures) {
    s.items.push_back({path, path});
    s.docs.emplace_back();
    s.errors.push_back(error.message.in(o.lang));
  }
  const std::size_t first = s.items.size();
  s.items.insert(s.items.end(), e.items.begin(), e.items.end());
  s.docs.resize(s.items.size());
  s.errors.resize(s.items.size());
  read_in_order(e.items, o.jobs, read, nullptr,
                [&](std::size_t k, const InputItem& item, Expected<Document> doc, std::string) {
                  progress.step(item.path);
                  if (doc) s.docs[first + k] = std::move(*doc);
                  else s.errors[first + k] = doc.error().message.in(o.lang);
                });
  return s;
}

std::optional<std::string> unit_code(const Document& d) {
  for (const Project& p : d.projects)
    if (p.unit && !p.unit->code.empty()) return p.unit->code;
  return std::nullopt;
}

std::optional<Unit> unit_line(const std::optional<Document>& d) {
  if (d)
    for (const Project& p : d->projects)
      if (p.unit) return p.unit;
  return std::nullopt;
}

// new index -> old index (or -1): by a unit code that each side has once, then by the path
// below the folder.
std::vector<int> pair_documents(const Side& a, const Side& b) {
  std::vector<int> of_new(b.items.size(), -1);
  std::vector<bool> taken(a.items.size(), false);
  if (a.single_file && b.single_file) {
    if (!a.items.empty() && !b.items.empty()) of_new[0] = 0;
    return of_new;
  }
  auto codes = [](const Side& s) {
    std::map<std::string, std::vector<std::size_t>> m;
    for (std::size_t k = 0; k < s.docs.size(); ++k)
      if (s.docs[k])
        if (auto c = unit_code(*s.docs[k])) m[*c].push_back(k);
    return m;
  };
  const auto ca = codes(a), cb = codes(b);
  for (const auto& [code, news] : cb) {
    auto it = ca.find(code);
    if (news.size() == 1 && it != ca.end() && it->second.size() == 1) {
      of_new[news[0]] = static_cast<int>(it->second[0]);
      taken[it->second[0]] = true;
    }
  }
  std::map<std::string, std::size_t> by_path;
  for (std::size_t k = 0; k < a.items.size(); ++k)
    if (!taken[k]) by_path.emplace(a.items[k].relative, k);
  for (std::size_t n = 0; n < b.items.size(); ++n) {
    if (of_new[n] >= 0) continue;
    auto it = by_path.find(b.items[n].relative);
    if (it != by_path.end() && !taken[it->second]) {
      of_new[n] = static_cast<int>(it->second);
      taken[it->second] = true;
    }
  }
  return of_new;
}

}  // namespace

const char* DocumentDiff::status() const {
  if (error) return "unreadable";
  if (!old_path) return "added";
  if (!new_path) return "removed";
  return changes.empty() ? "unchanged" : "changed";
}

void DiffSummary::add(const DocumentDiff& d) {
  ++documents;
  const std::string s = d.status();
  if (s == "added") ++added;
  else if (s == "removed") ++removed;
  else if (s == "changed") ++changed;
  else if (s == "unchanged") ++unchanged;
  else ++unreadable;
  if (d.error) errors.push_back(*d.error);
  int last_project = -1;
  for (const Change& c : d.changes) {
    ++changes;
    if (c.flagged) ++flagged;
    if (c.kind == ChangeKind::project_added) {
      ++projects_added;
    } else if (c.kind == ChangeKind::project_removed) {
      ++projects_removed;
    } else if (c.new_at.project && c.old_at.project && c.new_at.project->seq != last_project) {
      ++projects_changed;
      last_project = c.new_at.project->seq;
    }
  }
}

DiffSummary diff_inputs(const std::string& old_input, const std::string& new_input, const DiffOptions& o,
                        DiffWriter& writer) {
  ReadOptions read;
  read.limits = o.limits;
  read.converter = o.converter;
  const std::size_t total = expand_inputs({old_input}).items.size() + expand_inputs({new_input}).items.size();
  Progress progress(total, o.progress, o.lang);
  interrupt::checkpoint("read");
  const Side a = read_side(old_input, o, read, progress);
  const Side b = read_side(new_input, o, read, progress);
  progress.finish();
  const std::vector<int> of_new = pair_documents(a, b);
  std::vector<bool> paired(a.items.size(), false);
  for (int k : of_new)
    if (k >= 0) paired[static_cast<std::size_t>(k)] = true;

  DiffSummary summary;
  auto emit = [&](std::optional<std::size_t> i, std::optional<std::size_t> n) {
    DocumentDiff d;
    if (i) d.old_path = a.items[*i].path;
    if (n) d.new_path = b.items[*n].path;
    d.unit = n ? unit_line(b.docs[*n]) : std::nullopt;
    if (!d.unit && i) d.unit = unit_line(a.docs[*i]);
    if (i && a.errors[*i]) d.error = a.items[*i].path + ": " + *a.errors[*i];
    else if (n && b.errors[*n]) d.error = b.items[*n].path + ": " + *b.errors[*n];
    else if (i && n) d.changes = diff_documents(*a.docs[*i], *b.docs[*n], o);
    summary.add(d);
    writer.document(d);
  };
  for (std::size_t n = 0; n < b.items.size(); ++n)
    emit(of_new[n] >= 0 ? std::optional<std::size_t>(static_cast<std::size_t>(of_new[n])) : std::nullopt, n);
  for (std::size_t i = 0; i < a.items.size(); ++i)
    if (!paired[i]) emit(i, std::nullopt);
  writer.finish(summary);
  interrupt::checkpoint("write");
  return summary;
}

}  // namespace jixiao
