// Blocks to the model: headings, the department part, cards and their indicator tables, in order.
#include <algorithm>

#include "extract/extract.hpp"
#include "extract/labels.hpp"
#include "extract/tables.hpp"
#include "util/text.hpp"

namespace jixiao::extract {
namespace {

class DocumentReader {
public:
  DocumentReader(Document& doc, const ooxml::Body& body)
      : doc_(doc), body_(body), warnings_(doc.warnings) {}

  void read(const ooxml::Body& body) {
    for (const ooxml::Notice& n : body.notices)
      doc_.warnings.push_back({n.message, Location{n.table, n.row, 0}});
    // A card is a table: room for as many cards as there are tables, so that the cards (large,
    // and some dozens in a document) are not moved as their list grows.
    doc_.projects.reserve(static_cast<std::size_t>(std::count_if(
        body.blocks.begin(), body.blocks.end(), [](const ooxml::Block& b) { return b.kind == ooxml::Block::Kind::table; })));
    for (const ooxml::Block& b : body.blocks) {
      if (b.kind == ooxml::Block::Kind::paragraph) paragraph(b.paragraph);
      else table(b.table);
    }
    if (pending_heading_) heading_without_table();
    if (const auto& problem = body.styles->problem()) doc_.warnings.push_back({*problem, Location{}});
  }

private:
  void paragraph(const ooxml::Paragraph& p) {
    const std::string& text = p.text;
    if (text::is_blank(text)) return;
    // A card heading first: one that begins with a year ("1.2022年…绩效目标表") is a heading,
    // never the title that states the document's year.
    if (form_title(text)) {
      if (!doc_.year) doc_.year = budget_year_title(text);
      return;
    }
    if (auto heading = project_heading(text)) {
      section_.reset();
      flat_.reset();
      if (pending_heading_) heading_without_table();
      pending_heading_ = heading;
      return;
    }
    if (doc_.projects.empty() && !pending_heading_ && !section_ && !doc_.year) {
      if (auto year = budget_year_title(text)) {
        doc_.year = year;
        return;
      }
    }
    if (auto section = department_section(text)) {
      section_ = section;
      return;
    }
    if (structural_title(text)) {
      section_.reset();
      return;
    }
    if (auto title = indicators_title(text)) {
      pending_term_ = title;
      return;
    }
    if (auto unit = amount_unit_line(text)) {
      pending_amount_unit_ = unit;
      return;
    }
    if (auto unit = unit_line(text)) {
      pending_unit_ = unit;
      return;
    }
    if (section_ && body_.heading_level(p) == 0) {
      std::optional<std::string>& field = department_field(*section_);
      field = field ? *field + "\n" + text : text;
      return;
    }
    section_.reset();
    if (!doc_.projects.empty() || pending_heading_)
      warnings_.add({}, "未识别的段落，已跳过：“" + text + "”",
                    "unrecognised paragraph, skipped: \"" + text + "\"");
  }

  void table(const ooxml::Table& t) {
    section_.reset();
    TableRows rows(t);
    std::optional<int> header = find_indicator_header(rows);
    int card_end = header.value_or(rows.size());
    // A title row over the header: 年度绩效指标 or 长期绩效指标.
    for (int r = 0; r < card_end; ++r)
      for (std::size_t k = 0; k < rows.entries(r).size(); ++k)
        if (auto title = rows.label(r, k); title == Field::annual_indicators || title == Field::long_term_indicators)
          pending_term_ = term_of(*title);
    if (header && is_flat_header(rows, *header)) {
      flat_ = FlatHeader{&t, *header};
      flat(rows, t, *header + 1);
      return;
    }
    if (!header && flat_ && t.columns <= flat_->table->columns && !pending_heading_) {
      // The flat export continued after a blank row: read under the header above (its last
      // columns may be empty, and the sheet's block narrower).
      TableRows head(*flat_->table);
      flat(head, t, 0);
      return;
    }
    flat_.reset();
    if (is_department_table(rows, card_end)) {
      read_department(rows, card_end);
      if (header) {
        department_indicators_ = true;
        indicators(t, *header + 1, map_indicator_columns(rows, *header, warnings_));
      }
      return;
    }
    if (is_card(rows, card_end)) {
      department_indicators_ = false;
      Project& p = start_project();
      p.card_table = t.index;
      read_card(rows, card_end, p, warnings_);
      if (!p.unit && pending_unit_) p.unit = pending_unit_;
      if (!p.amount_unit && pending_amount_unit_) p.amount_unit = pending_amount_unit_;
      pending_unit_.reset();
      pending_amount_unit_.reset();
      if (header) indicators(t, *header + 1, map_indicator_columns(rows, *header, warnings_));
      return;
    }
    if (header) {
      // A second header under the same heading is the table continued after a page break.
      if (!department_indicators_ && (doc_.projects.empty() || pending_heading_)) start_project();
      indicators(t, *header + 1, map_indicator_columns(rows, *header, warnings_));
      return;
    }
    if (columns_ && !pending_heading_ && (department_indicators_ || !doc_.projects.empty()) &&
        columns_->columns == t.columns) {
      indicators(t, 0, *columns_);  // continued after a page break without its header
      return;
    }
    warnings_.add({t.index, 0, 0}, "第 " + std::to_string(t.index) + " 个表格不是绩效目标表，已跳过",
                  "table " + std::to_string(t.index) + " is not a performance-target table; skipped");
  }

  // The flat export's projects, each with what the lines above the table said of all of them. A
  // heading above it (部门项目支出绩效目标表) titles the whole table, not its first project. Rows
  // that continue after a blank row, with no project of their own, go on the project above.
  void flat(TableRows& head, const ooxml::Table& t, int first_row) {
    department_indicators_ = false;
    pending_heading_.reset();
    std::vector<Project> read_projects = read_flat(head, flat_->row, t, first_row, warnings_);
    for (Project& read : read_projects) {
      const bool nameless = (!read.code || text::is_blank(*read.code)) && (!read.name || text::is_blank(*read.name));
      if (first_row == 0 && &read == &read_projects.front() && nameless && !doc_.projects.empty() &&
          doc_.projects.back().flat) {
        Project& above = doc_.projects.back();
        for (Indicator& i : read.indicators) above.indicators.push_back(std::move(i));
        above.indicator_tables.push_back(t.index);
        continue;
      }
      Project& p = start_project();
      read.seq = p.seq;
      p = std::move(read);
      if (!p.unit && pending_unit_) p.unit = pending_unit_;
      if (!p.amount_unit && pending_amount_unit_) p.amount_unit = pending_amount_unit_;
    }
    pending_unit_.reset();
    pending_amount_unit_.reset();
    pending_term_.reset();
    columns_.reset();
  }

  // The rows go to the card being read, or to the department after its own table.
  void indicators(const ooxml::Table& t, int first_row, const ColumnMap& map) {
    columns_ = map;
    std::optional<std::string> term = std::move(pending_term_);
    pending_term_.reset();
    if (department_indicators_) return read_indicators(t, first_row, map, doc_.department.indicators, term);
    Project& p = doc_.projects.back();
    p.indicator_tables.push_back(t.index);
    read_indicators(t, first_row, map, p.indicators, term);
  }

  static std::string term_of(Field title) { return title == Field::long_term_indicators ? "long_term" : "annual"; }
  static std::optional<std::string> indicators_title(const std::string& text) {
    auto f = match_label(text);
    if (f == Field::annual_indicators || f == Field::long_term_indicators) return term_of(*f);
    return std::nullopt;
  }

  // A department-level target table: 部门(单位)名称 and its kin, and no card's labels.
  bool is_department_table(TableRows& rows, int end_row) {
    int department = 0, card = 0;
    for (int r = 0; r < end_row; ++r)
      for (std::size_t k = 0; k < rows.entries(r).size(); ++k)
        if (auto f = rows.label(r, k)) {
          department += is_department_field(*f);
          card += is_card_field(*f);
        }
    return department > 0 && card < 2;
  }

  // Its fields, each beside its label or under it.
  void read_department(TableRows& rows, int end_row) {
    const ooxml::Table& t = rows.table();
    for (int r = 0; r < end_row; ++r) {
      const Entries entries = rows.entries(r);
      for (std::size_t k = 0; k < entries.size(); ++k) {
        auto f = rows.label(r, k);
        if (!f || !is_department_field(*f) || entries[k].continued) continue;
        std::optional<std::string> value;
        std::size_t j = k + 1;
        while (j < entries.size() && entries[j].continued) ++j;
        if (j < entries.size() && !rows.label(r, j)) value = std::string(entries[j].text);
        else if (r + 1 < t.rows && t.at(r + 1, entries[k].col).role == ooxml::CellRole::origin)
          value = t.at(r + 1, entries[k].col).text;
        if (!value) continue;
        if (*f == Field::department_name) doc_.department.name = value;
        else if (*f == Field::department_duties) doc_.department.duties = value;
        else doc_.department.overall_goal = value;
      }
    }
  }

  Project& start_project() {
    department_indicators_ = false;
    Project p;
    p.seq = static_cast<int>(doc_.projects.size()) + 1;
    p.heading = pending_heading_;
    pending_heading_.reset();
    columns_.reset();
    doc_.projects.push_back(std::move(p));
    return doc_.projects.back();
  }

  void heading_without_table() {
    warnings_.add({}, "标题“" + pending_heading_->number + pending_heading_->text +
                          "”之后没有绩效目标表",
                  "no performance-target table follows the heading \"" +
                      pending_heading_->number + pending_heading_->text + "\"");
    pending_heading_.reset();
  }

  std::optional<std::string>& department_field(Section s) {
    switch (s) {
      case Section::overall_goal: return doc_.department.overall_goal;
      case Section::sub_goals: return doc_.department.sub_goals;
      default: return doc_.department.safeguards;
    }
  }

  Document& doc_;
  const ooxml::Body& body_;
  Warnings warnings_;
  std::optional<Section> section_;
  std::optional<Heading> pending_heading_;
  std::optional<Unit> pending_unit_;
  std::optional<std::string> pending_amount_unit_;
  std::optional<ColumnMap> columns_;
  std::optional<std::string> pending_term_;  // "annual" or "long_term", for the next indicator table
  bool department_indicators_ = false;       // indicator tables belong to the department
  struct FlatHeader {
    const ooxml::Table* table;  // the flat export's header row, for the rows after a blank row
    int row;
  };
  std::optional<FlatHeader> flat_;
};

}  // namespace

Document build_document(const ooxml::Body& body) {
  Document doc;
  DocumentReader(doc, body).read(body);
  for (const ooxml::Body::Place& p : body.places) doc.source.places.push_back({p.table, p.sheet, p.first_row, p.first_column});
  return doc;
}

}  // namespace jixiao::extract
