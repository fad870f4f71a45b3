// Two readings of one submission compared on the model: what `jixiao diff` reports for a pair.
#include <algorithm>
#include <map>
#include <tuple>

#include "jixiao/diff.hpp"
#include "util/text.hpp"

namespace jixiao {
namespace {

// ---- texts ---------------------------------------------------------------------------------

// A text as compared: without any space, or as written when the comparison is exact.
std::string compared(const std::string& s, const DiffOptions& o) {
  return o.exact ? s : text::strip_spaces(s);
}

bool same(const std::optional<std::string>& a, const std::optional<std::string>& b, const DiffOptions& o) {
  if (!a || !b) return a.has_value() == b.has_value();
  return compared(*a, o) == compared(*b, o);
}

bool is_word_char(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '%' ||
         (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
}

// Words: runs of letters, digits (with their point and percent sign), runs of spaces, and every
// other character (each Chinese character, each mark) on its own.
std::vector<std::u32string> words(const std::string& s) {
  std::vector<std::u32string> out;
  const std::u32string cps = text::decode(s);
  for (std::size_t i = 0; i < cps.size();) {
    std::size_t j = i + 1;
    if (is_word_char(cps[i]))
      while (j < cps.size() && is_word_char(cps[j])) ++j;
    else if (text::is_space(cps[i]))
      while (j < cps.size() && text::is_space(cps[j])) ++j;
    out.push_back(cps.substr(i, j - i));
    i = j;
  }
  return out;
}

void push(std::vector<Segment>& out, char op, const std::u32string& w) {
  if (w.empty()) return;
  if (!out.empty() && out.back().op == op) out.back().text += text::encode(w);
  else out.push_back({op, text::encode(w)});
}

// Character bigrams, sorted: the likeness of two descriptions is their Dice coefficient.
std::vector<std::uint64_t> bigrams(const std::string& s) {
  const std::u32string cps = text::decode(text::strip_spaces(s));
  std::vector<std::uint64_t> out;
  for (std::size_t i = 0; i + 1 < cps.size(); ++i) out.push_back((std::uint64_t(cps[i]) << 32) | cps[i + 1]);
  std::sort(out.begin(), out.end());
  return out;
}

double likeness(const std::string& a, const std::string& b) {
  if (text::strip_spaces(a) == text::strip_spaces(b)) return 1;
  const auto x = bigrams(a), y = bigrams(b);
  if (x.empty() || y.empty()) return 0;
  std::size_t i = 0, j = 0, common = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i] == y[j]) ++common, ++i, ++j;
    else if (x[i] < y[j]) ++i;
    else ++j;
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(x.size() + y.size());
}

// ---- changes -------------------------------------------------------------------------------

ProjectRef ref(const Project& p) { return {p.seq, p.code, p.name}; }

DiffPlace place(const Project& p, int table = 0, int row = 0) { return {ref(p), table ? table : p.card_table, row}; }

// An indicator row's place: in a card, or (no project) in the department's own table.
DiffPlace place(const Project* p, int table = 0, int row = 0) {
  return p ? place(*p, table, row) : DiffPlace{std::nullopt, table, row};
}

Change text_change(ChangeKind kind, std::string field, const std::optional<std::string>& a,
                   const std::optional<std::string>& b, DiffPlace at_a, DiffPlace at_b) {
  Change c{kind, std::move(field), a, b, std::move(at_a), std::move(at_b), {}, {}, false, {}};
  if (a && b) c.segments = diff_words(*a, *b);
  return c;
}

// The first unit line of a document.
std::optional<Unit> unit_of(const Document& d) {
  for (const Project& p : d.projects)
    if (p.unit) return p.unit;
  return std::nullopt;
}

// An amount in 万元, to compare amounts written in 元 and 万元 alike.
std::optional<Decimal> in_wan(const std::optional<Decimal>& v, const std::optional<std::string>& unit) {
  if (!v) return std::nullopt;
  if (unit && *unit == "元") return v->divided_by_power_of_ten(4);
  return v;
}

// Pairs old and new items, in order of the new side: `pairs[n]` is the old index of new item n,
// or -1 (added); old items left unpaired are removed.
struct Pairing {
  std::vector<int> of_new;
  std::vector<bool> old_paired;
};

// Walks new items in order and removed old items where they stood: each removed old item comes
// before the first paired new item whose old item follows it.
template <typename OnPaired, typename OnAdded, typename OnRemoved>
void walk(const Pairing& p, OnPaired paired, OnAdded added, OnRemoved removed) {
  std::size_t next_removed = 0;
  auto flush_until = [&](std::size_t limit) {
    for (; next_removed < limit && next_removed < p.old_paired.size(); ++next_removed)
      if (!p.old_paired[next_removed]) removed(next_removed);
  };
  for (std::size_t n = 0; n < p.of_new.size(); ++n) {
    if (p.of_new[n] < 0) {
      added(n);
      continue;
    }
    flush_until(static_cast<std::size_t>(p.of_new[n]));
    paired(static_cast<std::size_t>(p.of_new[n]), n);
  }
  flush_until(p.old_paired.size());
}

void pair(Pairing& p, std::size_t o, std::size_t n) {
  p.of_new[n] = static_cast<int>(o);
  p.old_paired[o] = true;
}

// Projects: by 项目编码, then by 项目名称 for those whose code changed.
Pairing pair_projects(const std::vector<Project>& a, const std::vector<Project>& b, const DiffOptions& o) {
  Pairing p{std::vector<int>(b.size(), -1), std::vector<bool>(a.size(), false)};
  auto match = [&](auto key) {
    for (std::size_t n = 0; n < b.size(); ++n) {
      if (p.of_new[n] >= 0 || !key(b[n])) continue;
      for (std::size_t i = 0; i < a.size(); ++i)
        if (!p.old_paired[i] && key(a[i]) && compared(*key(a[i]), o) == compared(*key(b[n]), o)) {
          pair(p, i, n);
          break;
        }
    }
  };
  auto code = [](const Project& x) -> std::optional<std::string> {
    return x.code && !text::is_blank(*x.code) ? x.code : std::nullopt;
  };
  auto name = [](const Project& x) -> std::optional<std::string> {
    return x.name && !text::is_blank(*x.name) ? x.name : std::nullopt;
  };
  match(code);
  match(name);
  return p;
}

using Row = Indicator;

std::tuple<std::string, std::string, std::string> levels(const Row& r, const DiffOptions& o) {
  return {compared(r.level1, o), compared(r.level2, o), compared(r.level3, o)};
}

// Indicator rows: by their three levels, then, among rows of the same levels, equal
// descriptions first and the likeliest descriptions next; then rows whose 三级指标 changed, by
// a description alike enough. So an inserted row is an insertion, not a change of every row
// after it.
Pairing pair_rows(const std::vector<Row>& a, const std::vector<Row>& b, const DiffOptions& o) {
  Pairing p{std::vector<int>(b.size(), -1), std::vector<bool>(a.size(), false)};
  std::map<std::tuple<std::string, std::string, std::string>, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> groups;
  for (std::size_t i = 0; i < a.size(); ++i) groups[levels(a[i], o)].first.push_back(i);
  for (std::size_t n = 0; n < b.size(); ++n) groups[levels(b[n], o)].second.push_back(n);
  // Greedy by likeness, the likeliest first; ties in document order.
  auto by_likeness = [&](const std::vector<std::size_t>& olds, const std::vector<std::size_t>& news, double floor) {
    std::vector<std::tuple<double, std::size_t, std::size_t>> candidates;
    for (std::size_t i : olds)
      for (std::size_t n : news)
        if (!p.old_paired[i] && p.of_new[n] < 0) {
          double l = likeness(a[i].description, b[n].description);
          if (l >= floor) candidates.emplace_back(-l, i, n);
        }
    std::sort(candidates.begin(), candidates.end());
    for (const auto& [l, i, n] : candidates)
      if (!p.old_paired[i] && p.of_new[n] < 0) pair(p, i, n);
  };
  for (auto& [key, sides] : groups) {
    auto& [olds, news] = sides;
    for (std::size_t n : news)
      for (std::size_t i : olds)
        if (!p.old_paired[i] && compared(a[i].description, o) == compared(b[n].description, o)) {
          pair(p, i, n);
          break;
        }
    std::vector<std::size_t> left_old, left_new;
    for (std::size_t i : olds)
      if (!p.old_paired[i]) left_old.push_back(i);
    for (std::size_t n : news)
      if (p.of_new[n] < 0) left_new.push_back(n);
    if (left_old.size() == 1 && left_new.size() == 1) pair(p, left_old[0], left_new[0]);
    else by_likeness(left_old, left_new, 0.3);
  }
  std::vector<std::size_t> left_old, left_new;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!p.old_paired[i]) left_old.push_back(i);
  for (std::size_t n = 0; n < b.size(); ++n)
    if (p.of_new[n] < 0) left_new.push_back(n);
  by_likeness(left_old, left_new, 0.6);
  return p;
}

std::string row_text(const Row& r) {
  return r.level1 + " / " + r.level2 + " / " + r.level3 + " | " + r.description + " | " + r.value.text + " | " + r.basis;
}

// The other forms' columns of a row, as compared: nothing where the table has no such column.
std::vector<std::pair<const char*, std::optional<std::string>>> other_columns(const Row& r) {
  return {{"term", r.term},
          {"nature", r.other().nature},
          {"measure_unit", r.other().measure_unit},
          {"weight", r.other().weight ? std::optional<std::string>(r.other().weight->text) : std::nullopt},
          {"explanation", r.other().explanation},
          {"scoring", r.other().scoring},
          {"note", r.other().note}};
}

// The rows of one owner in each version: a card's (pa, pb), or the department's (null).
void diff_rows(const Project* pa, const std::vector<Row>& ra, const Project* pb, const std::vector<Row>& rb,
               const DiffOptions& o, std::vector<Change>& out) {
  const Pairing p = pair_rows(ra, rb, o);
  walk(
      p,
      [&](std::size_t i, std::size_t n) {
        const Row &a = ra[i], &b = rb[n];
        const DiffPlace at_a = place(pa, a.at.table, a.at.row), at_b = place(pb, b.at.table, b.at.row);
        auto field = [&](const char* name, const std::string& x, const std::string& y) {
          if (compared(x, o) != compared(y, o))
            out.push_back(text_change(ChangeKind::indicator_changed, name, x, y, at_a, at_b));
        };
        field("level1", a.level1, b.level1);
        field("level2", a.level2, b.level2);
        field("level3", a.level3, b.level3);
        field("description", a.description, b.description);
        field("value", a.value.text, b.value.text);
        field("basis", a.basis, b.basis);
        const auto xa = other_columns(a), xb = other_columns(b);
        for (std::size_t k = 0; k < xa.size(); ++k)
          if (!same(xa[k].second, xb[k].second, o))
            out.push_back(text_change(ChangeKind::indicator_changed, xa[k].first, xa[k].second, xb[k].second, at_a, at_b));
      },
      [&](std::size_t n) {
        const Row& b = rb[n];
        out.push_back({ChangeKind::indicator_added, "", std::nullopt, row_text(b), place(pa), place(pb, b.at.table, b.at.row),
                       {}, {}, false, {}});
      },
      [&](std::size_t i) {
        const Row& a = ra[i];
        out.push_back({ChangeKind::indicator_removed, "", row_text(a), std::nullopt, place(pa, a.at.table, a.at.row), place(pb),
                       {}, {}, false, {}});
      });
}

// A money line as compared: its field (total, fiscal, other, project_total, or another line's
// label as written), its amount in 万元 and its text.
struct MoneyLine {
  std::string field;
  std::optional<Decimal> value;
  std::optional<std::string> written;
};

std::vector<MoneyLine> money_lines(const Project& p) {
  const Budget& b = p.budget;
  std::vector<MoneyLine> lines = {{"total", in_wan(b.total, p.amount_unit), b.written.total},
                                  {"fiscal", in_wan(b.fiscal, p.amount_unit), b.written.fiscal},
                                  {"other", in_wan(b.other, p.amount_unit), b.written.other}};
  for (const BudgetItem& i : b.items)
    if (i.role == BudgetItem::Role::project_total)
      lines.push_back({"project_total", in_wan(i.amount, p.amount_unit), i.text});
  for (const BudgetItem& i : b.items)
    if (i.role == BudgetItem::Role::item) lines.push_back({i.label, in_wan(i.amount, p.amount_unit), i.text});
  return lines;
}

Change budget_change(const MoneyLine& a, const MoneyLine& b, DiffPlace at_a, DiffPlace at_b, const DiffOptions& o) {
  Change c{ChangeKind::budget, b.field, a.written, b.written, std::move(at_a), std::move(at_b), {}, {}, false, {}};
  if (a.value && b.value) {
    if (auto d = b.value->minus(*a.value)) c.difference = d->to_string();
    if (auto pct = a.value->percent_change(*b.value)) {
      c.percent = pct->to_string();
      const Decimal magnitude = pct->is_negative() ? *Decimal::from_int(0).minus(*pct) : *pct;
      c.flagged = o.threshold < magnitude;
    } else {
      c.flagged = a.value->is_zero() && !b.value->is_zero();  // from nothing: past any threshold
    }
  }
  return c;
}

// The money lines, paired by field: the new version's in order, then those only the old has.
void diff_budget(const Project& a, const Project& b, const DiffOptions& o, std::vector<Change>& out) {
  const std::vector<MoneyLine> la = money_lines(a), lb = money_lines(b);
  std::vector<bool> used(la.size(), false);
  for (const MoneyLine& y : lb) {
    MoneyLine x{y.field, std::nullopt, std::nullopt};
    for (std::size_t k = 0; k < la.size(); ++k)
      if (!used[k] && compared(la[k].field, o) == compared(y.field, o)) {
        used[k] = true;
        x = la[k];
        break;
      }
    if (x.value && y.value ? *x.value == *y.value : same(x.written, y.written, o)) continue;
    out.push_back(budget_change(x, y, place(a), place(b), o));
  }
  for (std::size_t k = 0; k < la.size(); ++k)
    if (!used[k]) out.push_back(budget_change(la[k], {la[k].field, std::nullopt, std::nullopt}, place(a), place(b), o));
}

void diff_schedule(const Project& a, const Project& b, const DiffOptions& o, std::vector<Change>& out) {
  Pairing p{std::vector<int>(b.schedule.size(), -1), std::vector<bool>(a.schedule.size(), false)};
  for (std::size_t n = 0; n < b.schedule.size(); ++n)
    for (std::size_t i = 0; i < a.schedule.size(); ++i)
      if (!p.old_paired[i] && compared(a.schedule[i].period, o) == compared(b.schedule[n].period, o)) {
        pair(p, i, n);
        break;
      }
  walk(
      p,
      [&](std::size_t i, std::size_t n) {
        const SchedulePoint &x = a.schedule[i], &y = b.schedule[n];
        bool equal = x.percent && y.percent ? *x.percent == *y.percent : compared(x.text, o) == compared(y.text, o);
        if (!equal) out.push_back({ChangeKind::schedule, y.period, x.text, y.text, place(a), place(b), {}, {}, false, {}});
      },
      [&](std::size_t n) {
        out.push_back({ChangeKind::schedule, b.schedule[n].period, std::nullopt, b.schedule[n].text, place(a), place(b), {}, {}, false, {}});
      },
      [&](std::size_t i) {
        out.push_back({ChangeKind::schedule, a.schedule[i].period, a.schedule[i].text, std::nullopt, place(a), place(b), {}, {}, false, {}});
      });
}

// Goals as items: the longest common run kept, the rest removed or added. `list` is the goals or
// the long-term goals, `added` and `removed` their kinds.
void diff_goals(const Project& a, const Project& b, const std::optional<std::vector<std::string>> Project::*list,
                ChangeKind added, ChangeKind removed, const DiffOptions& o, std::vector<Change>& out) {
  const std::vector<std::string> none;
  const auto& x = a.*list ? *(a.*list) : none;
  const auto& y = b.*list ? *(b.*list) : none;
  const std::size_t n = x.size(), m = y.size();
  std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = compared(x[i], o) == compared(y[j], o) ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && compared(x[i], o) == compared(y[j], o)) {
      ++i, ++j;
    } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push_back({added, std::to_string(j + 1), std::nullopt, y[j], place(a), place(b), {}, {}, false, {}});
      ++j;
    } else {
      out.push_back({removed, std::to_string(i + 1), x[i], std::nullopt, place(a), place(b), {}, {}, false, {}});
      ++i;
    }
  }
}

// The other forms' card fields, as compared: nothing where the card has no such field.
std::vector<std::pair<const char*, std::optional<std::string>>> card_fields(const Project& p) {
  return {{"authority_code", p.authority ? p.authority->code : std::nullopt},
          {"authority_name", p.authority ? p.authority->name : std::nullopt},
          {"implementer", p.implementer},
          {"attribute", p.attribute},
          {"category", p.category},
          {"period", p.period ? std::optional<std::string>(p.period->text) : std::nullopt},
          {"contact_person", p.contact ? p.contact->person : std::nullopt},
          {"contact_phone", p.contact ? p.contact->phone : std::nullopt}};
}

void diff_project(const Project& a, const Project& b, const DiffOptions& o, std::vector<Change>& out) {
  if (!same(a.code, b.code, o))
    out.push_back({ChangeKind::project_recoded, "code", a.code, b.code, place(a), place(b), {}, {}, false, {}});
  if (!same(a.name, b.name, o))
    out.push_back(text_change(ChangeKind::project_renamed, "name", a.name, b.name, place(a), place(b)));
  if (!same(a.amount_unit, b.amount_unit, o))
    out.push_back({ChangeKind::amount_unit, "", a.amount_unit, b.amount_unit, place(a), place(b), {}, {}, false, {}});
  const auto xa = card_fields(a), xb = card_fields(b);
  for (std::size_t k = 0; k < xa.size(); ++k)
    if (!same(xa[k].second, xb[k].second, o))
      out.push_back(text_change(ChangeKind::card, xa[k].first, xa[k].second, xb[k].second, place(a), place(b)));
  diff_budget(a, b, o, out);
  if (!same(a.purpose, b.purpose, o))
    out.push_back(text_change(ChangeKind::purpose, "", a.purpose, b.purpose, place(a), place(b)));
  diff_schedule(a, b, o, out);
  diff_goals(a, b, &Project::long_term_goals, ChangeKind::long_term_goal_added, ChangeKind::long_term_goal_removed, o, out);
  diff_goals(a, b, &Project::goals, ChangeKind::goal_added, ChangeKind::goal_removed, o, out);
  diff_rows(&a, a.indicators, &b, b.indicators, o, out);
}

std::string project_text(const Project& p) {
  std::string s = p.name.value_or("");
  if (p.budget.written.total) s += " | " + *p.budget.written.total + p.amount_unit.value_or("");
  return s;
}

}  // namespace

const char* change_kind_name(ChangeKind k) {
  switch (k) {
    case ChangeKind::unit: return "unit";
    case ChangeKind::year: return "year";
    case ChangeKind::department: return "department";
    case ChangeKind::project_added: return "project-added";
    case ChangeKind::project_removed: return "project-removed";
    case ChangeKind::project_recoded: return "project-recoded";
    case ChangeKind::project_renamed: return "project-renamed";
    case ChangeKind::budget: return "budget";
    case ChangeKind::amount_unit: return "amount-unit";
    case ChangeKind::purpose: return "purpose";
    case ChangeKind::schedule: return "schedule";
    case ChangeKind::goal_added: return "goal-added";
    case ChangeKind::goal_removed: return "goal-removed";
    case ChangeKind::long_term_goal_added: return "long-term-goal-added";
    case ChangeKind::long_term_goal_removed: return "long-term-goal-removed";
    case ChangeKind::card: return "card";
    case ChangeKind::indicator_added: return "indicator-added";
    case ChangeKind::indicator_removed: return "indicator-removed";
    case ChangeKind::indicator_changed: return "indicator-changed";
  }
  return "";
}

std::vector<Segment> diff_words(const std::string& before, const std::string& after) {
  const auto x = words(before), y = words(after);
  std::size_t head = 0, tail = 0;
  while (head < x.size() && head < y.size() && x[head] == y[head]) ++head;
  while (tail < x.size() - head && tail < y.size() - head && x[x.size() - 1 - tail] == y[y.size() - 1 - tail]) ++tail;
  std::vector<Segment> out;
  for (std::size_t i = 0; i < head; ++i) push(out, '=', x[i]);
  const std::size_t n = x.size() - head - tail, m = y.size() - head - tail;
  if (n * m > 4'000'000) {
    // Too long a middle to align word by word (a whole rewritten page): replaced as a whole.
    for (std::size_t i = 0; i < n; ++i) push(out, '-', x[head + i]);
    for (std::size_t j = 0; j < m; ++j) push(out, '+', y[head + j]);
  } else {
    std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        lcs[i][j] = x[head + i] == y[head + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && x[head + i] == y[head + j]) {
        push(out, '=', x[head + i++]);
        ++j;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        push(out, '-', x[head + i++]);
      } else {
        push(out, '+', y[head + j++]);
      }
    }
  }
  for (std::size_t k = x.size() - tail; k < x.size(); ++k) push(out, '=', x[k]);
  return out;
}

std::vector<Change> diff_documents(const Document& before, const Document& after, const DiffOptions& o) {
  std::vector<Change> out;
  const auto ua = unit_of(before), ub = unit_of(after);
  if (ua && ub) {
    if (compared(ua->code, o) != compared(ub->code, o))
      out.push_back({ChangeKind::unit, "code", ua->code, ub->code, {}, {}, {}, {}, false, {}});
    if (compared(ua->name, o) != compared(ub->name, o))
      out.push_back(text_change(ChangeKind::unit, "name", ua->name, ub->name, {}, {}));
  }
  if (before.year != after.year) {
    auto year = [](const std::optional<int>& y) { return y ? std::optional<std::string>(std::to_string(*y)) : std::nullopt; };
    out.push_back({ChangeKind::year, "", year(before.year), year(after.year), {}, {}, {}, {}, false, {}});
  }
  const std::pair<const char*, const std::optional<std::string> Department::*> parts[] = {
      {"department_name", &Department::name}, {"duties", &Department::duties}, {"overall_goal", &Department::overall_goal},
      {"sub_goals", &Department::sub_goals}, {"safeguards", &Department::safeguards}};
  for (const auto& [name, member] : parts)
    if (!same(before.department.*member, after.department.*member, o))
      out.push_back(text_change(ChangeKind::department, name, before.department.*member, after.department.*member, {}, {}));
  diff_rows(nullptr, before.department.indicators, nullptr, after.department.indicators, o, out);

  const Pairing p = pair_projects(before.projects, after.projects, o);
  walk(
      p, [&](std::size_t i, std::size_t n) { diff_project(before.projects[i], after.projects[n], o, out); },
      [&](std::size_t n) {
        const Project& b = after.projects[n];
        out.push_back({ChangeKind::project_added, "", std::nullopt, project_text(b), {}, place(b), {}, {}, false, {}});
      },
      [&](std::size_t i) {
        const Project& a = before.projects[i];
        out.push_back({ChangeKind::project_removed, "", project_text(a), std::nullopt, place(a), {}, {}, {}, false, {}});
      });
  return out;
}

}  // namespace jixiao
