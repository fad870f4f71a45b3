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

}  // namespace

DataTable projects_table(const std::vector<Document>& docs) {
  std::vector<std::string> periods;
  for (const Document& d : docs)
    for (const Project& p : d.projects)
      for (const SchedulePoint& s : p.schedule)
        if (std::find(periods.begin(), periods.end(), s.period) == periods.end()) periods.push_back(s.period);
  DataTable t;
  t.sheet_name = "项目";
  t.columns = identity_columns();
  for (TableColumn c : {column("amount_unit"), column("total"), column("fiscal"), column("other"), column("purpose", true)})
    t.columns.push_back(c);
  for (const std::string& period : periods) t.columns.push_back({period, period});
  t.columns.push_back(column("goals", true));
  t.columns.push_back(column("indicator_count"));
  for (const Document& d : docs)
    for (const Project& p : d.projects) {
      std::vector<TableCell> row = identity(d, p);
      row.push_back(opt_text(p.amount_unit));
      row.push_back(TableCell::of_number(p.budget.total, TableCell::Format::amount));
      row.push_back(TableCell::of_number(p.budget.fiscal, TableCell::Format::amount));
      row.push_back(TableCell::of_number(p.budget.other, TableCell::Format::amount));
      row.push_back(opt_text(p.purpose));
      for (const std::string& period : periods) {
        auto it = std::find_if(p.schedule.begin(), p.schedule.end(),
                               [&](const SchedulePoint& s) { return s.period == period; });
        if (it == p.schedule.end()) row.push_back({});
        else if (it->percent) row.push_back(TableCell::of_number(it->percent, TableCell::Format::percent));
        else row.push_back(TableCell::of_text(it->text));  // unreadable: as written
      }
      row.push_back(p.goals ? TableCell::of_text(joined(*p.goals, "\n")) : TableCell{});
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
  for (const Document& d : docs)
    for (const Project& p : d.projects)
      for (const Indicator& i : p.indicators) {
        std::vector<TableCell> row = identity(d, p);
        for (const std::string* s : {&i.level1, &i.level2, &i.level3, &i.description, &i.value.text})
          row.push_back(TableCell::of_text(*s));
        row.push_back(opt_text(i.value.op));
        row.push_back(TableCell::of_number(i.value.number));
        row.push_back(opt_text(i.value.unit));
        row.push_back(opt_text(i.value.grade));
        row.push_back(TableCell::of_text(i.basis));
        t.rows.push_back(std::move(row));
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
      t.rows.push_back({TableCell::of_text(f.path), TableCell::of_text(x.rule), TableCell::of_text(x.slug),
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
