// The model flattened into the tables spreadsheet users want.
#include <algorithm>

#include "emit/report/common.hpp"
#include "extract/labels.hpp"
#include "jixiao/tables.hpp"

namespace jixiao {

TableCell TableCell::of_text(std::string s) {
  TableCell c;
  c.kind = Kind::text;
  c.text = std::move(s);
  return c;
}

TableCell TableCell::of_number(const std::optional<Decimal>& d, Format f) {
  TableCell c;
  if (d) {
    c.kind = Kind::number;
    c.number = d;
  }
  c.format = f;
  return c;
}

TableCell TableCell::of_int(long long n) { return of_number(Decimal::from_int(n)); }

namespace {

TableCell opt_text(const std::optional<std::string>& s) {
  return s ? TableCell::of_text(*s) : TableCell{};
}

// A column of a field, headed by its Chinese name (the vocabulary's); `wide` for long texts.
TableColumn column(const char* key, bool wide = false) { return {extract::field_display(key, Lang::zh), key, wide}; }

// The columns that identify a card, first in both tables.
std::vector<TableColumn> identity_columns() {
  return {column("source"), column("unit_code"), column("unit_name"), column("seq"), column("code"), column("name", true)};
}

std::vector<TableCell> identity(const Document& d, const Project& p) {
  return {TableCell::of_text(d.source.path),
          p.unit ? TableCell::of_text(p.unit->code) : TableCell{},
          p.unit ? TableCell::of_text(p.unit->name) : TableCell{},
          TableCell::of_int(p.seq),
          opt_text(p.code),
          opt_text(p.name)};
}

std::string joined(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

// A column that only some documents have: its key, and its cell in a card.
template <class Row>
struct Optional {
  const char* key;
  TableCell (*cell)(const Row&);
  bool wide = false;
};

using ProjectColumn = Optional<Project>;
const ProjectColumn kProjectColumns[] = {
    {"authority_code", [](const Project& p) { return p.authority ? opt_text(p.authority->code) : TableCell{}; }},
    {"authority_name", [](const Project& p) { return p.authority ? opt_text(p.authority->name) : TableCell{}; }},
    {"implementer", [](const Project& p) { return opt_text(p.implementer); }},
    {"attribute", [](const Project& p) { return opt_text(p.attribute); }},
    {"category", [](const Project& p) { return opt_text(p.category); }},
    {"period", [](const Project& p) { return p.period ? TableCell::of_text(p.period->text) : TableCell{}; }},
    {"period_start", [](const Project& p) { return p.period ? opt_text(p.period->start) : TableCell{}; }},
    {"period_end", [](const Project& p) { return p.period ? opt_text(p.period->end) : TableCell{}; }},
    {"project_total",
     [](const Project& p) { return TableCell::of_number(p.budget.project_total, TableCell::Format::amount); }},
};
const ProjectColumn kContactColumns[] = {
    {"contact_person", [](const Project& p) { return p.contact ? opt_text(p.contact->person) : TableCell{}; }},
    {"contact_phone", [](const Project& p) { return p.contact ? opt_text(p.contact->phone) : TableCell{}; }},
};

using IndicatorColumn = Optional<Indicator>;
const IndicatorColumn kIndicatorColumns[] = {
    {"term", [](const Indicator& i) { return opt_text(i.term); }},
    {"nature", [](const Indicator& i) { return opt_text(i.other().nature); }},
    {"measure_unit", [](const Indicator& i) { return opt_text(i.other().measure_unit); }},
    {"weight", [](const Indicator& i) { return i.other().weight ? TableCell::of_text(i.other().weight->text) : TableCell{}; }},
    {"explanation", [](const Indicator& i) { return opt_text(i.other().explanation); }, true},
    {"scoring", [](const Indicator& i) { return opt_text(i.other().scoring); }, true},
    {"note", [](const Indicator& i) { return opt_text(i.other().note); }, true},
};

// The optional columns that some row fills, in the table's order.
template <class Row, std::size_t N, class Each>
std::vector<const Optional<Row>*> present(const Optional<Row> (&columns)[N], Each each_row) {
  std::vector<const Optional<Row>*> out;
  for (const Optional<Row>& c : columns) {
    bool any = false;
    each_row([&](const Row& r) { any = any || c.cell(r).kind != TableCell::Kind::empty; });
    if (any) out.push_back(&c);
  }
  return out;
}

}  // namespace

DataTable projects_table(const std::vector<Document>& docs, bool with_contacts) {
  std::vector<std::string> periods, lines;  // schedule periods; money lines other than the three
  for (const Document& d : docs)
    for (const Project& p : d.projects) {
      for (const SchedulePoint& s : p.schedule)
        if (std::find(periods.begin(), periods.end(), s.period) == periods.end()) periods.push_back(s.period);
      for (const BudgetItem& item : p.budget.items)
        if (item.role == BudgetItem::Role::item && std::find(lines.begin(), lines.end(), item.label) == lines.end())
          lines.push_back(item.label);
    }
  auto each_project = [&](auto f) {
    for (const Document& d : docs)
      for (const Project& p : d.projects) f(p);
  };
  std::vector<const ProjectColumn*> extra = present(kProjectColumns, each_project);
  if (with_contacts)
    for (const ProjectColumn* c : present(kContactColumns, each_project)) extra.push_back(c);
  DataTable t;
  t.sheet_name = "项目";
  t.columns = identity_columns();
  for (TableColumn c : {column("amount_unit"), column("total"), column("fiscal"), column("other")})
    t.columns.push_back(c);
  for (const std::string& line : lines) t.columns.push_back({line, line});
  t.columns.push_back(column("purpose", true));
  for (const ProjectColumn* c : extra) t.columns.push_back(column(c->key, c->wide));
  for (const std::string& period : periods) t.columns.push_back({period, period});
  t.columns.push_back(column("goals", true));
  const bool long_term = std::any_of(docs.begin(), docs.end(), [](const Document& d) {
    return std::any_of(d.projects.begin(), d.projects.end(), [](const Project& p) { return p.long_term_goals.has_value(); });
  });
  if (long_term) t.columns.push_back(column("long_term_goals", true));
  t.columns.push_back(column("indicator_count"));
  for (const Document& d : docs)
    for (const Project& p : d.projects) {
      std::vector<TableCell> row = identity(d, p);
      row.push_back(opt_text(p.amount_unit));
      row.push_back(TableCell::of_number(p.budget.total, TableCell::Format::amount));
      row.push_back(TableCell::of_number(p.budget.fiscal, TableCell::Format::amount));
      row.push_back(TableCell::of_number(p.budget.other, TableCell::Format::amount));
      for (const std::string& line : lines) {
        auto it = std::find_if(p.budget.items.begin(), p.budget.items.end(), [&](const BudgetItem& item) {
          return item.role == BudgetItem::Role::item && item.label == line;
        });
        row.push_back(it == p.budget.items.end() ? TableCell{} : TableCell::of_number(it->amount, TableCell::Format::amount));
      }
      row.push_back(opt_text(p.purpose));
      for (const ProjectColumn* c : extra) row.push_back(c->cell(p));
      for (const std::string& period : periods) {
        auto it = std::find_if(p.schedule.begin(), p.schedule.end(),
                               [&](const SchedulePoint& s) { return s.period == period; });
        if (it == p.schedule.end()) row.push_back({});
        else if (it->percent) row.push_back(TableCell::of_number(it->percent, TableCell::Format::percent));
        else row.push_back(TableCell::of_text(it->text));  // unreadable: as written
      }
      row.push_back(p.goals ? TableCell::of_text(joined(*p.goals, "\n")) : TableCell{});
      if (long_term) row.push_back(p.long_term_goals ? TableCell::of_text(joined(*p.long_term_goals, "\n")) : TableCell{});
      row.push_back(TableCell::of_int(static_cast<long long>(p.indicators.size())));
      t.rows.push_back(std::move(row));
    }
  return t;
}

DataTable indicators_table(const std::vector<Document>& docs) {
  DataTable t;
  t.sheet_name = "指标";
  t.columns = identity_columns();
  for (TableColumn c : {column("level1"), column("level2"), column("level3"), column("description", true),
                        column("value"), column("op"), column("number"), column("unit"), column("grade"),
                        column("basis", true)})
    t.columns.push_back(c);
  auto each_indicator = [&](auto f) {
    for (const Document& d : docs) {
      for (const Indicator& i : d.department.indicators) f(i);
      for (const Project& p : d.projects)
        for (const Indicator& i : p.indicators) f(i);
    }
  };
  const std::vector<const IndicatorColumn*> extra = present(kIndicatorColumns, each_indicator);
  for (const IndicatorColumn* c : extra) t.columns.push_back(column(c->key, c->wide));
  auto add = [&](std::vector<TableCell> row, const Indicator& i) {
    row.reserve(t.columns.size());
    for (const std::string* s : {&i.level1, &i.level2, &i.level3, &i.description, &i.value.text})
      row.push_back(TableCell::of_text(*s));
    row.push_back(opt_text(i.value.op));
    row.push_back(TableCell::of_number(i.value.number));
    row.push_back(opt_text(i.value.unit));
    row.push_back(opt_text(i.value.grade));
    row.push_back(TableCell::of_text(i.basis));
    for (const IndicatorColumn* c : extra) row.push_back(c->cell(i));
    t.rows.push_back(std::move(row));
  };
  for (const Document& d : docs) {
    // The department's own rows: its name where a card's unit stands, no card.
    for (const Indicator& i : d.department.indicators)
      add({TableCell::of_text(d.source.path), {}, opt_text(d.department.name), {}, {}, {}}, i);
    for (const Project& p : d.projects)
      for (const Indicator& i : p.indicators) add(identity(d, p), i);
  }
  return t;
}

DataTable findings_table(const Report& report, Lang lang) {
  DataTable t;
  t.sheet_name = "问题";
  t.columns = {column("source"), column("rule"),  column("slug"),  column("severity"), column("message", true),
               column("seq"),    column("code"),  column("table"), column("row"),      column("fixable")};
  for (const FileReport& f : report.files) {
    if (f.error) {
      t.rows.push_back({TableCell::of_text(f.path), {}, {}, TableCell::of_text("error"),
                        TableCell::of_text(f.error->message.in(lang)), {}, {}, {}, {}, {}});
      continue;
    }
    for (const Finding& x : f.findings)
      t.rows.push_back({TableCell::of_text(f.path), TableCell::of_text(std::string(x.rule)), TableCell::of_text(std::string(x.slug)),
                        TableCell::of_text(severity_name(x.severity)), TableCell::of_text(x.message.in(lang)),
                        x.project_seq ? TableCell::of_int(x.project_seq) : TableCell{}, opt_text(x.project_code),
                        x.at.table ? TableCell::of_int(x.at.table) : TableCell{},
                        x.at.row ? TableCell::of_int(x.at.row) : TableCell{},
                        TableCell::of_text(x.fixable ? "yes" : "")});
  }
  return t;
}

std::string spreadsheet_safe(const std::string& text) {
  if (!text.empty() && std::string("=+-@\t\r").find(text[0]) != std::string::npos) return "'" + text;
  return text;
}

}  // namespace jixiao
