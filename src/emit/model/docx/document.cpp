// word/document.xml: Part one's headings and text, then per project its heading, the card table
// in the reference layout and the indicator table with 一级指标 merged down its rows.
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

void add_table(pugi::xml_node body, int columns, const std::vector<RowSpec>& rows, bool header_row) {
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
    if (header_row && r == 0) add(trpr, "w:tblHeader");  // repeated on every page
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
std::string money_label(const Project& p, BudgetItem::Role role, Field field) {
  for (const BudgetItem& item : p.budget.items)
    if (item.role == role) return item.label;
  return L(field);
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
                  {money_label(p, BudgetItem::Role::total, Field::budget_total)}, {p.budget.written.total.value_or("")},
                  {money_label(p, BudgetItem::Role::fiscal, Field::budget_fiscal)}, {p.budget.written.fiscal.value_or("")},
                  {money_label(p, BudgetItem::Role::other, Field::budget_other)}, {p.budget.written.other.value_or(""), columns - 6}});
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
  std::string goals;
  if (p.goals)
    for (std::size_t k = 0; k < p.goals->size(); ++k) {
      const auto& number = k < p.goal_numbers.size() ? p.goal_numbers[k] : std::nullopt;
      goals += (k ? "\n" : "") + (number ? std::to_string(*number) + "." : std::string()) + (*p.goals)[k];
    }
  rows.push_back({{L(Field::goals)}, {goals, rest}});
  add_table(body, columns, rows, false);
}

void indicators(pugi::xml_node body, const Project& p) {
  std::vector<RowSpec> rows;
  RowSpec header;
  for (Field f : {Field::level1, Field::level2, Field::level3, Field::description, Field::value, Field::basis})
    header.push_back({L(f), 1, CellSpec::none, true});
  rows.push_back(header);
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& i = p.indicators[k];
    bool same_above = k > 0 && p.indicators[k - 1].level1 == i.level1;
    bool same_below = k + 1 < p.indicators.size() && p.indicators[k + 1].level1 == i.level1;
    CellSpec level1{i.level1, 1, same_above ? CellSpec::cont : same_below ? CellSpec::restart : CellSpec::none};
    rows.push_back({level1, {i.level2}, {i.level3}, {i.description}, {i.value.text}, {i.basis}});
  }
  add_table(body, 6, rows, true);
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
  if (dept.overall_goal || dept.sub_goals || dept.safeguards) {
    heading(body, "第一部分 部门整体绩效目标", 1);
    const std::pair<const std::optional<std::string>&, extract::Section> sections[] = {
        {dept.overall_goal, extract::Section::overall_goal},
        {dept.sub_goals, extract::Section::sub_goals},
        {dept.safeguards, extract::Section::safeguards}};
    for (const auto& [text, section] : sections)
      if (text) {
        heading(body, extract::section_title(section), 2);
        add_paragraphs(body, *text);
      }
  }
  if (!doc.projects.empty()) heading(body, "第二部分 预算项目绩效目标", 1);
  for (const Project& p : doc.projects) {
    if (p.heading) heading(body, p.heading->number + p.heading->text, 2);
    card(body, p);
    add(body, "w:p");
    indicators(body, p);
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
