// A project card read by its labels (项目编码, 预算数, 资金支出计划 …) into the model.
#include <set>

#include "extract/labels.hpp"
#include "extract/tables.hpp"
#include "extract/values.hpp"
#include "util/text.hpp"

namespace jixiao::extract {

TableRows::TableRows(const ooxml::Table& table) : table_(table) {
  const std::size_t cells = table.cells.size();
  entries_.reserve(cells);
  labels_.reserve(cells);
  first_.reserve(static_cast<std::size_t>(table.rows) + 1);
  first_.push_back(0);
}

void TableRows::add_row() {
  const std::size_t r = first_.size() - 1;
  for (int c = 0; c < table_.columns; ++c) {
    const ooxml::Cell& cell = table_.at(static_cast<int>(r), c);
    // Each entry written member by member in place (a braced Entry, made on the stack and
    // copied in, was read back 16 bytes at a time before its stores were done).
    const bool continues = cell.role == ooxml::CellRole::v_continue && cell.origin_col == c;
    if (cell.role != ooxml::CellRole::origin && !continues) continue;
    Entry& e = entries_.emplace_back();
    e.col = c;
    e.text = continues ? table_.at(cell.origin_row, cell.origin_col).text : cell.text;
    e.continued = continues;
  }
  labels_.resize(entries_.size(), kUnknown);
  first_.push_back(entries_.size());
}

signed char TableRows::match(std::size_t at) const {
  auto f = match_label(entries_[at].text);
  return f ? static_cast<signed char>(*f) : kNone;
}

bool is_card(TableRows& rows, int end_row) {
  int labels = 0;
  for (int r = 0; r < end_row; ++r) {
    const Entries entries = rows.entries(r);
    for (std::size_t k = 0; k < entries.size(); ++k) {
      if (entries[k].continued) continue;
      auto f = rows.label(r, k);
      if (f && is_card_field(*f)) ++labels;
    }
  }
  return labels >= 2;
}

namespace {

bool blank(std::string_view s) { return text::is_blank(s); }

class CardReader {
public:
  CardReader(TableRows& rows, Project& p, Warnings& w)
      : rows_(rows), t_(rows.table()), p_(p), w_(w), used_(t_.cells.size(), false) {}

  void read(int end_row) {
    std::optional<Field> group_above;
    for (int r = 0; r < end_row; ++r) {
      const Entries entries = rows_.entries(r);
      if (entries.empty()) continue;
      // The row under 预算规模及资金用途: its label cell merged down (or left blank), the use beside.
      std::optional<Field> group = blank(entries[0].text) ? group_above : rows_.label(r, 0);
      bool under_group = entries[0].continued || blank(entries[0].text);
      if (under_group && (group == Field::budget_and_purpose || group == Field::purpose) && !p_.purpose &&
          entries.size() > 1 && !entries[1].continued) {
        use(r, entries[1]);
        p_.purpose = std::string(entries[1].text);
      }
      for (std::size_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        if (e.continued || used(r, e)) continue;
        auto field = rows_.label(r, i);
        if (!field) {
          if (auto u = unit_line(e.text)) {
            p_.unit = *u;
            use(r, e);
          } else if (auto au = amount_unit_line(e.text)) {
            p_.amount_unit = *au;
            use(r, e);
          }
          continue;
        }
        use(r, e);
        if (!p_.amount_unit) {
          std::string unit;  // a unit written in the label: 预算数（万元）
          match_label(e.text, &unit);
          if (!unit.empty()) p_.amount_unit = unit;
        }
        if (*field == Field::budget_and_purpose || *field == Field::money_group ||
            (!is_card_field(*field) && *field != Field::unit_name && *field != Field::unit_code))
          continue;
        if (*field == Field::schedule) {
          schedule(r, entries, i);
          break;
        }
        std::size_t j = i + 1;
        while (j < entries.size() && entries[j].continued) ++j;
        const bool label_beside = j < entries.size() && rows_.label(r, j);
        if (j < entries.size() && !label_beside) {
          use(r, entries[j]);
          assign(*field, e.text, entries[j].text, location(t_, r, entries[j].col));
          i = j;
        } else if (const ooxml::Cell* below = value_below(r, e)) {
          // A row of labels over a row of values: 资金总额 | 财政拨款 | 自有资金 …
          use(r + 1, e.col);
          assign(*field, e.text, below->text, location(t_, r + 1, e.col));
        } else if (label_beside) {
          continue;  // a group's label before its parts' labels: 项目绩效目标 | 长期目标 | 年度目标
        } else {
          const std::string label(e.text);
          w_.add(location(t_, r, e.col), "栏目“" + label + "”旁没有填写内容",
                 "the label \"" + label + "\" has no value beside it");
          assign(*field, e.text, "", location(t_, r, e.col));
        }
      }
      group_above = group;
    }
    for (int r = 0; r < end_row; ++r)
      for (const Entry& e : rows_.entries(r))
        if (!e.continued && !used(r, e) && !blank(e.text))
          w_.add(location(t_, r, e.col), "项目表中未识别的内容“" + std::string(e.text) + "”，已跳过",
                 "unrecognised content in the project card, skipped: \"" + std::string(e.text) + "\"");
  }

  // A field's value given with its label (a column of the flat export): read as beside its label.
  void value(const CardValue& v) {
    if (!p_.amount_unit) {
      std::string unit;  // 预算数（万元）
      match_label(v.label, &unit);
      if (!unit.empty()) p_.amount_unit = unit;
    }
    if (v.field != Field::schedule) assign(v.field, v.label, v.text, v.at);
  }

private:
  // The cell under a label, when it starts there and holds no label: its value in a card that
  // puts a row of labels over a row of values.
  const ooxml::Cell* value_below(int r, const Entry& e) {
    if (r + 1 >= t_.rows) return nullptr;
    const ooxml::Cell& below = t_.at(r + 1, e.col);
    if (below.role != ooxml::CellRole::origin || used_[static_cast<std::size_t>(r + 1) * t_.columns + e.col]) return nullptr;
    if (text::is_blank(below.text) || match_label(below.text)) return nullptr;
    return &below;
  }

  void use(int r, int col) { used_[static_cast<std::size_t>(r) * static_cast<std::size_t>(t_.columns) + col] = true; }
  void use(int r, const Entry& e) { use(r, e.col); }
  bool used(int r, const Entry& e) const {
    return used_[static_cast<std::size_t>(r) * static_cast<std::size_t>(t_.columns) + e.col];
  }

  std::optional<Decimal> amount(const std::string& label_zh, const std::string& label_en,
                                std::string_view text, Location at) {
    if (blank(text)) {
      w_.add(at, label_zh + "未填写", label_en + " is empty");
      return std::nullopt;
    }
    auto d = parse_amount(text);
    if (!d)
      w_.add(at, label_zh + "“" + std::string(text) + "”无法读作金额",
             label_en + " \"" + std::string(text) + "\" cannot be read as an amount");
    return d;
  }

  // A money line: read exactly, kept among the card's items in order.
  // `zh`, `en`: its name in warnings, the label as written when not given.
  std::optional<Decimal> money(std::string_view label, std::string_view text, Location at,
                               BudgetItem::Role role = BudgetItem::Role::item, const char* zh = nullptr,
                               const char* en = nullptr) {
    const std::string name = text::trim(label);
    std::optional<Decimal> d = amount(zh ? zh : name, en ? en : name, text, at);
    p_.budget.items.push_back({std::string(label), d, std::string(text), role});
    return d;
  }

  void assign(Field f, std::string_view label, std::string_view text, Location at) {
    switch (f) {
      case Field::project_code: p_.code = std::string(text); break;
      case Field::project_name: p_.name = std::string(text); break;
      case Field::budget_total:
        p_.budget.written.total = std::string(text);
        p_.budget.total = money(label, text, at, BudgetItem::Role::total, "预算数", "the budget total");
        break;
      case Field::budget_fiscal:
        if (fiscal_is_annual_) {  // the project's 财政资金 beside the year's 当年财政拨款
          money(label, text, at);
          break;
        }
        p_.budget.written.fiscal = std::string(text);
        p_.budget.fiscal = money(label, text, at, BudgetItem::Role::fiscal, "财政资金", "fiscal funds");
        break;
      case Field::budget_fiscal_annual:
        fiscal_is_annual_ = true;
        p_.budget.written.fiscal = std::string(text);
        p_.budget.fiscal = money(label, text, at, BudgetItem::Role::fiscal);
        break;
      case Field::budget_other:
        p_.budget.written.other = std::string(text);
        p_.budget.other = money(label, text, at, BudgetItem::Role::other, "其他资金", "other funds");
        break;
      case Field::budget_item: money(label, text, at); break;
      case Field::project_total:
        p_.budget.project_total = money(label, text, at, BudgetItem::Role::project_total);
        break;
      case Field::purpose: p_.purpose = std::string(text); break;
      case Field::goals: {
        std::vector<Goal> parsed = split_goals(text);
        std::vector<std::string> goals;
        goals.reserve(parsed.size());
        p_.goal_numbers.clear();
        p_.goal_numbers.reserve(parsed.size());
        for (Goal& g : parsed) {
          goals.push_back(std::move(g.text));
          p_.goal_numbers.push_back(g.number);
        }
        p_.goals = std::move(goals);
        break;
      }
      case Field::long_term_goals: {
        std::vector<std::string> goals;
        for (Goal& g : split_goals(text)) goals.push_back(std::move(g.text));
        p_.long_term_goals = std::move(goals);
        break;
      }
      case Field::unit_name:
        if (!p_.unit) p_.unit = Unit{"", std::string(text)};
        else if (p_.unit->name.empty()) p_.unit->name = std::string(text);
        break;
      case Field::unit_code:
        if (!p_.unit) p_.unit = Unit{std::string(text), ""};
        else if (p_.unit->code.empty()) p_.unit->code = std::string(text);
        break;
      default: other_field(f, label, text, at); break;
    }
  }

  // The fields of the other forms' cards.
  void other_field(Field f, std::string_view label, std::string_view text, Location at) {
    switch (f) {
      case Field::authority_name: authority().name = std::string(text); break;
      case Field::authority_code: authority().code = std::string(text); break;
      case Field::implementer: p_.implementer = std::string(text); break;
      case Field::category: p_.category = std::string(text); break;
      case Field::attribute: {
        std::vector<std::string> ticked;
        p_.attribute = chosen_option(text, &ticked);
        if (!p_.attribute) {
          p_.attribute = std::string(text);
          w_.add(at, std::string(label) + "勾选了不止一项：“" + std::string(text) + "”",
                 std::string(label) + " has more than one option ticked: \"" + std::string(text) + "\"");
        }
        break;
      }
      case Field::period: {
        Period& period = p_.period.emplace();
        period.text = std::string(text);
        std::vector<std::string> dates = iso_dates(text);
        if (!dates.empty()) period.start = dates[0];
        if (dates.size() > 1) period.end = dates[1];
        if (dates.size() != 2 && !text::is_blank(text))
          w_.add(at, std::string(label) + "“" + std::string(text) + "”无法读作起止日期",
                 std::string(label) + " \"" + std::string(text) + "\" cannot be read as a start and an end date");
        break;
      }
      case Field::period_start:
      case Field::period_end: {
        Period& period = p_.period ? *p_.period : p_.period.emplace();
        std::vector<std::string> dates = iso_dates(text);
        std::optional<std::string>& end = f == Field::period_start ? period.start : period.end;
        if (dates.size() == 1) end = dates[0];
        else if (!text::is_blank(text))
          w_.add(at, std::string(label) + "“" + std::string(text) + "”无法读作日期",
                 std::string(label) + " \"" + std::string(text) + "\" cannot be read as a date");
        // The two dates as written, start first: "2026-01-01 至 2026-12-31".
        period.text = f == Field::period_start ? std::string(text) + (period.text.empty() ? "" : " 至 " + period.text)
                                               : (period.text.empty() ? "" : period.text + " 至 ") + std::string(text);
        break;
      }
      case Field::contact_person: contact().person = std::string(text); break;
      case Field::contact_phone: contact().phone = std::string(text); break;
      default: break;
    }
  }

  Authority& authority() { return p_.authority ? *p_.authority : p_.authority.emplace(); }
  Contact& contact() { return p_.contact ? *p_.contact : p_.contact.emplace(); }

  void point(std::string_view period, std::string_view percent, Location at) {
    SchedulePoint sp{std::string(period), parse_percent(percent), std::string(percent)};
    if (!sp.percent)
      w_.add(at, "资金支出计划“" + sp.period + "”的百分比“" + sp.text + "”无法读取",
             "the schedule percentage for \"" + sp.period + "\" cannot be read: \"" + sp.text + "\"");
    p_.schedule.push_back(std::move(sp));
  }

  // 资金支出计划: periods after the label, percentages in the row below (or paired inline).
  void schedule(int r, const Entries& entries, std::size_t label) {
    std::vector<Entry> rest;
    for (std::size_t k = label + 1; k < entries.size(); ++k)
      if (!entries[k].continued && !blank(entries[k].text)) rest.push_back(entries[k]);
    bool inline_pairs = rest.size() >= 2 && looks_like_period(rest[0].text) &&
                        parse_percent(rest[1].text).has_value();
    if (inline_pairs) {
      for (std::size_t k = 0; k + 1 < rest.size(); k += 2) {
        use(r, rest[k]);
        use(r, rest[k + 1]);
        point(rest[k].text, rest[k + 1].text, location(t_, r, rest[k + 1].col));
      }
      return;
    }
    for (const Entry& e : rest) {
      use(r, e);
      const ooxml::Cell* below =
          r + 1 < t_.rows ? &t_.at(r + 1, e.col) : nullptr;
      if (below && below->role == ooxml::CellRole::origin) {
        use(r + 1, e.col);
        point(e.text, below->text, location(t_, r + 1, e.col));
      } else {
        point(e.text, "", location(t_, r + 1, e.col));
      }
    }
  }

  TableRows& rows_;
  const ooxml::Table& t_;
  Project& p_;
  Warnings& w_;
  std::vector<bool> used_;  // by grid position: cells already read as a label or a value
  bool fiscal_is_annual_ = false;  // 当年财政拨款 read: a 财政资金 is the project's, not the year's
};

}  // namespace

void read_card(TableRows& rows, int end_row, Project& project, Warnings& warnings) {
  CardReader(rows, project, warnings).read(end_row);
}

void read_card_values(TableRows& rows, const std::vector<CardValue>& values, Project& project, Warnings& warnings) {
  CardReader reader(rows, project, warnings);
  for (const CardValue& v : values) reader.value(v);
}

}  // namespace jixiao::extract
