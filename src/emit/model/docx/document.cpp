// word/document.xml: a department-level target table where the document had one, Part one's
// headings and text, then per project its heading, the card table (in the reference layout, or
// label beside value for another form's card) and the indicator table with 一级指标 merged down
// its rows and the columns its rows have.
#include <algorithm>
#include <vector>

#include "emit/model/docx/parts.hpp"
#include "emit/model/docx/xml.hpp"
#include "extract/labels.hpp"

namespace jixiao::emit::docx {
namespace {

using extract::Field;
// The labels as the reader knows them (extract/labels.cpp): one table for writing and reading.
std::string L(Field f) { return extract::label_text(f); }

constexpr int kTextWidth = 9638;  // twips between A4 margins of 1134 (2 cm)

struct CellSpec {
  std::string text;
  int span = 1;
  enum { none, restart, cont } vmerge = none;
  bool bold = false;
};
using RowSpec = std::vector<CellSpec>;

// The first header_rows rows are the table's header, repeated on every page.
void add_table(pugi::xml_node body, int columns, const std::vector<RowSpec>& rows, std::size_t header_rows) {
  pugi::xml_node tbl = add(body, "w:tbl");
  pugi::xml_node pr = add(tbl, "w:tblPr");  // children in the schema's order
  add(pr, "w:tblStyle", "TableGrid");
  pugi::xml_node w = add(pr, "w:tblW");
  w.append_attribute("w:w") = std::to_string(kTextWidth).c_str();
  w.append_attribute("w:type") = "dxa";
  add(pr, "w:tblLayout").append_attribute("w:type") = "fixed";
  pugi::xml_node grid = add(tbl, "w:tblGrid");
  int col_width = kTextWidth / columns;
  for (int c = 0; c < columns; ++c) add(grid, "w:gridCol").append_attribute("w:w") = std::to_string(col_width).c_str();
  for (std::size_t r = 0; r < rows.size(); ++r) {
    pugi::xml_node tr = add(tbl, "w:tr");
    pugi::xml_node trpr = add(tr, "w:trPr");
    add(trpr, "w:cantSplit");  // rows are not split across pages
    if (r < header_rows) add(trpr, "w:tblHeader");
    for (const CellSpec& cell : rows[r]) {
      pugi::xml_node tc = add(tr, "w:tc");
      pugi::xml_node tcpr = add(tc, "w:tcPr");  // tcW, gridSpan, vMerge, vAlign: the schema's order
      pugi::xml_node tcw = add(tcpr, "w:tcW");
      tcw.append_attribute("w:w") = std::to_string(col_width * cell.span).c_str();
      tcw.append_attribute("w:type") = "dxa";
      if (cell.span > 1) add(tcpr, "w:gridSpan", std::to_string(cell.span));
      if (cell.vmerge == CellSpec::restart) add(tcpr, "w:vMerge", "restart");
      if (cell.vmerge == CellSpec::cont) add(tcpr, "w:vMerge");
      add(tcpr, "w:vAlign", "center");
      if (cell.vmerge == CellSpec::cont) add(tc, "w:p");
      else add_paragraphs(tc, cell.text, nullptr, cell.bold);
    }
  }
}

// `n` cells over `width` grid columns, the wider ones last.
std::vector<int> spans(std::size_t n, int width) {
  std::vector<int> out(n, n ? width / static_cast<int>(n) : 0);
  for (int k = 0; n && k < width % static_cast<int>(n); ++k) out[n - 1 - k] += 1;
  return out;
}

// The label a money line was written with, so that it reads back the same; the form's own where
// the card had none.
// Whether a card is of the reference form (the samples'): none of the other forms' fields, and
// a code or a schedule.
bool reference_card(const Project& p) { return !other_form_card(p) && (p.code || !p.schedule.empty()); }

std::string numbered(const std::vector<std::string>& goals, const std::vector<std::optional<int>>& numbers) {
  std::string out;
  for (std::size_t k = 0; k < goals.size(); ++k) {
    const auto& number = k < numbers.size() ? numbers[k] : std::nullopt;
    out += (k ? "\n" : "") + (number ? std::to_string(*number) + "." : std::string()) + goals[k];
  }
  return out;
}

// Another form's card: each field it has as a label beside its value, money lines with the
// labels they were written with, in the model's order.
void other_card(pugi::xml_node body, const Project& p) {
  const int columns = 4;
  std::vector<RowSpec> rows;
  auto field = [&](Field f, const std::optional<std::string>& text) {
    if (text) rows.push_back({{L(f)}, {*text, columns - 1}});
  };
  if (p.unit) rows.push_back({{p.unit->code + p.unit->name, columns}});
  if (p.amount_unit) rows.push_back({{extract::amount_unit_text(*p.amount_unit), columns}});
  field(Field::project_code, p.code);
  field(Field::project_name, p.name);
  if (p.authority) {
    field(Field::authority_name, p.authority->name);
    field(Field::authority_code, p.authority->code);
  }
  field(Field::implementer, p.implementer);
  field(Field::attribute, p.attribute);
  field(Field::category, p.category);
  if (p.period) field(Field::period, p.period->text);
  if (p.contact) {
    field(Field::contact_person, p.contact->person);
    field(Field::contact_phone, p.contact->phone);
  }
  for (const BudgetItem& item : p.budget.items) rows.push_back({{item.label}, {item.text, columns - 1}});
  field(Field::purpose, p.purpose);
  if (p.long_term_goals) field(Field::long_term_goals, numbered(*p.long_term_goals, {}));
  if (p.goals) field(Field::goals, numbered(*p.goals, p.goal_numbers));
  add_table(body, columns, rows, 0);
}

void card(pugi::xml_node body, const Project& p) {
  int columns = 1 + std::max<int>(6, static_cast<int>(p.schedule.size()));
  int rest = columns - 1;
  std::string unit = p.unit ? p.unit->code + p.unit->name : "";
  std::string amount_unit = p.amount_unit ? extract::amount_unit_text(*p.amount_unit) : "";
  std::vector<RowSpec> rows;
  if (p.unit && p.unit->code.empty())  // a unit named without its code: by its label
    rows.push_back({{L(Field::unit_name)}, {p.unit->name, columns - 3}, {amount_unit, 2}});
  else
    rows.push_back({{unit, columns - 2}, {amount_unit, 2}});
  rows.push_back({{L(Field::project_code)}, {p.code.value_or(""), 2}, {L(Field::project_name)}, {p.name.value_or(""), columns - 4}});
  rows.push_back({{L(Field::budget_and_purpose), 1, CellSpec::restart},
                  {L(Field::budget_total)}, {p.budget.written.total.value_or("")},
                  {L(Field::budget_fiscal)}, {p.budget.written.fiscal.value_or("")},
                  {L(Field::budget_other)}, {p.budget.written.other.value_or(""), columns - 6}});
  rows.push_back({{"", 1, CellSpec::cont}, {p.purpose.value_or(""), rest}});
  RowSpec periods = {{L(Field::schedule), 1, CellSpec::restart}}, percents = {{"", 1, CellSpec::cont}};
  std::vector<int> widths = spans(p.schedule.size(), rest);
  for (std::size_t k = 0; k < p.schedule.size(); ++k) {
    periods.push_back({p.schedule[k].period, widths[k]});
    percents.push_back({p.schedule[k].text, widths[k]});
  }
  if (p.schedule.empty()) {
    periods.push_back({"", rest});
    percents.push_back({"", rest});
  }
  rows.push_back(periods);
  rows.push_back(percents);
  rows.push_back({{L(Field::goals)}, {p.goals ? numbered(*p.goals, p.goal_numbers) : std::string(), rest}});
  add_table(body, columns, rows, 0);
}

// The columns of an indicator table: the reference form's six, then those of the other forms
// that any of its rows has.
std::vector<Field> indicator_columns(const std::vector<Indicator>& rows) {
  std::vector<Field> columns = {Field::level1, Field::level2, Field::level3, Field::description, Field::value, Field::basis};
  auto any = [&](auto has) { return std::any_of(rows.begin(), rows.end(), has); };
  if (any([](const Indicator& i) { return i.other().nature.has_value(); })) columns.push_back(Field::nature);
  if (any([](const Indicator& i) { return i.other().measure_unit.has_value(); })) columns.push_back(Field::measure_unit);
  if (any([](const Indicator& i) { return i.other().weight.has_value(); })) columns.push_back(Field::weight);
  if (any([](const Indicator& i) { return i.other().explanation.has_value(); })) columns.push_back(Field::explanation);
  if (any([](const Indicator& i) { return i.other().scoring.has_value(); })) columns.push_back(Field::scoring);
  if (any([](const Indicator& i) { return i.other().note.has_value(); })) columns.push_back(Field::note);
  return columns;
}

std::string column_text(const Indicator& i, Field f) {
  switch (f) {
    case Field::level2: return i.level2;
    case Field::level3: return i.level3;
    case Field::description: return i.description;
    case Field::value: return i.value.text;
    case Field::basis: return i.basis;
    case Field::nature: return i.other().nature.value_or("");
    case Field::measure_unit: return i.other().measure_unit.value_or("");
    case Field::weight: return i.other().weight ? i.other().weight->text : "";
    case Field::explanation: return i.other().explanation.value_or("");
    case Field::scoring: return i.other().scoring.value_or("");
    case Field::note: return i.other().note.value_or("");
    default: return i.level1;
  }
}

// The header and the rows of [first, last), 一级指标 merged down the rows that repeat it.
void indicator_rows(std::vector<RowSpec>& rows, const std::vector<Field>& columns, const std::vector<Indicator>& all,
                    std::size_t first, std::size_t last) {
  RowSpec header;
  for (Field f : columns) header.push_back({L(f), 1, CellSpec::none, true});
  rows.push_back(header);
  for (std::size_t k = first; k < last; ++k) {
    const Indicator& i = all[k];
    bool same_above = k > first && all[k - 1].level1 == i.level1;
    bool same_below = k + 1 < last && all[k + 1].level1 == i.level1;
    RowSpec row = {{i.level1, 1, same_above ? CellSpec::cont : same_below ? CellSpec::restart : CellSpec::none}};
    for (std::size_t c = 1; c < columns.size(); ++c) row.push_back({column_text(i, columns[c])});
    rows.push_back(row);
  }
}

// An indicator table per run of rows of one term (年度 or 长期), each under its title.
void indicators(pugi::xml_node body, const std::vector<Indicator>& all) {
  const std::vector<Field> columns = indicator_columns(all);
  for (std::size_t first = 0; first < all.size() || first == 0;) {
    std::size_t last = first;
    while (last < all.size() && all[last].term == all[first < all.size() ? first : 0].term) ++last;
    if (first < all.size() && all[first].term)
      add_paragraphs(body, L(*all[first].term == "long_term" ? Field::long_term_indicators : Field::annual_indicators));
    std::vector<RowSpec> rows;
    indicator_rows(rows, columns, all, first, last);
    add_table(body, static_cast<int>(columns.size()), rows, 1);
    if (last >= all.size()) break;
    add(body, "w:p");
    first = last;
  }
}

// A department-level target table: its fields over its indicator rows, in one table.
void department_table(pugi::xml_node body, const Department& d) {
  const std::vector<Field> columns = indicator_columns(d.indicators);
  const int width = static_cast<int>(columns.size());
  std::vector<RowSpec> rows;
  const std::pair<Field, const std::optional<std::string>&> fields[] = {
      {Field::department_name, d.name}, {Field::department_duties, d.duties}, {Field::department_goal, d.overall_goal}};
  for (const auto& [field, text] : fields)
    if (text) rows.push_back({{L(field)}, {*text, width - 1}});
  // The fields and the column names head the table, as on the published form.
  const std::size_t header_rows = rows.size() + 1;
  indicator_rows(rows, columns, d.indicators, 0, d.indicators.size());
  add_table(body, width, rows, header_rows);
}

void heading(pugi::xml_node body, const std::string& text, int level) {
  add_paragraphs(body, text, level == 1 ? "Heading1" : "Heading2");
}

}  // namespace

std::string document_part(const Document& doc) {
  pugi::xml_document d;
  pugi::xml_node root = d.append_child("w:document");
  root.append_attribute("xmlns:w") = kMainNs;
  pugi::xml_node body = add(root, "w:body");
  // The title that states the budget year, where the document stated one, bold: the year is
  // read from it again.
  if (doc.year) add_paragraphs(body, extract::year_title(*doc.year), nullptr, true);
  const Department& dept = doc.department;
  // A department-level target table holds its own goal; part one, the others.
  const bool department_table_written = dept.name || dept.duties || !dept.indicators.empty();
  if (department_table_written) {
    department_table(body, dept);
    add(body, "w:p");
  }
  if ((dept.overall_goal && !department_table_written) || dept.sub_goals || dept.safeguards) {
    heading(body, "第一部分 部门整体绩效目标", 1);
    const std::pair<const std::optional<std::string>&, extract::Section> sections[] = {
        {dept.overall_goal, extract::Section::overall_goal},
        {dept.sub_goals, extract::Section::sub_goals},
        {dept.safeguards, extract::Section::safeguards}};
    for (const auto& [text, section] : sections)
      if (text && !(department_table_written && section == extract::Section::overall_goal)) {
        heading(body, extract::section_title(section), 2);
        add_paragraphs(body, *text);
      }
  }
  if (!doc.projects.empty()) heading(body, "第二部分 预算项目绩效目标", 1);
  for (const Project& p : doc.projects) {
    if (p.heading) heading(body, p.heading->number + p.heading->text, 2);
    if (reference_card(p)) card(body, p);
    else other_card(body, p);
    add(body, "w:p");
    indicators(body, p.indicators);
  }
  pugi::xml_node sect = add(body, "w:sectPr");
  pugi::xml_node size = add(sect, "w:pgSz");  // A4 portrait
  size.append_attribute("w:w") = "11906";
  size.append_attribute("w:h") = "16838";
  pugi::xml_node mar = add(sect, "w:pgMar");
  for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"}) mar.append_attribute(side) = "1134";
  for (const char* side : {"w:header", "w:footer"}) mar.append_attribute(side) = "567";
  mar.append_attribute("w:gutter") = "0";
  return serialise(d);
}

}  // namespace jixiao::emit::docx
