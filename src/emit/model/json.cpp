// The model to JSON (schemas/document.schema.json): one document, a line of NDJSON, or a batch.
#include "emit/model/json.hpp"

#include "jixiao/emit.hpp"
#include "util/thread_local.hpp"

namespace jixiao {
namespace {

using emit::JsonWriter;

// A list of texts (a card's goals), or null when the card has none.
void texts_or_null(JsonWriter& w, const std::optional<std::vector<std::string>>& texts) {
  if (!texts) {
    w.null();
    return;
  }
  w.begin_array();
  for (const std::string& t : *texts) w.string(t);
  w.end_array();
}

void optional_decimal(JsonWriter& w, const std::optional<Decimal>& d) {
  if (d) w.number(d->to_string());
  else w.null();
}

void value(JsonWriter& w, const IndicatorValue& v) {
  w.begin_object();
  w.key("text").string(v.text);
  w.key("op").string_or_null(v.op);
  w.key("number"), optional_decimal(w, v.number);
  w.key("unit").string_or_null(v.unit);
  w.key("grade").string_or_null(v.grade);
  w.end_object();
}

// A workbook location's sheet and cell, beside table and row (inside the open "at" object).
void sheet_and_cell(JsonWriter& w, const std::vector<TablePlace>* places, const Location& at) {
  if (!places || places->empty()) return;
  if (auto sc = sheet_cell(*places, at)) w.key("sheet").string(sc->sheet).key("cell").string(sc->cell);
}

void indicator(JsonWriter& w, const Indicator& i, const std::vector<TablePlace>* places) {
  w.begin_object();
  w.key("level1").string(i.level1);
  w.key("level2").string(i.level2);
  w.key("level3").string(i.level3);
  w.key("description").string(i.description);
  w.key("value"), value(w, i.value);
  w.key("basis").string(i.basis);
  w.key("at").begin_object().key("table").integer(i.at.table).key("row").integer(i.at.row);
  sheet_and_cell(w, places, i.at);
  w.end_object();
  // The reference form's rows have none of the other forms' columns.
  static const std::vector<std::string_view> kNone = {"term",        "nature",  "measure_unit", "weight",
                                                       "explanation", "scoring", "note"};
  if (!i.term && !i.has_other()) {
    w.null_members(kNone);
    w.end_object();
    return;
  }
  w.key("term").string_or_null(i.term);
  w.key("nature").string_or_null(i.other().nature);
  w.key("measure_unit").string_or_null(i.other().measure_unit);
  w.key("weight");
  if (i.other().weight) {
    w.begin_object().key("number"), optional_decimal(w, i.other().weight->number);
    w.key("text").string(i.other().weight->text).end_object();
  } else {
    w.null();
  }
  w.key("explanation").string_or_null(i.other().explanation);
  w.key("scoring").string_or_null(i.other().scoring);
  w.key("note").string_or_null(i.other().note);
  w.end_object();
}

void indicators(JsonWriter& w, const std::vector<Indicator>& rows, const std::vector<TablePlace>* places) {
  w.begin_array();
  for (const Indicator& i : rows) indicator(w, i, places);
  w.end_array();
}

void budget(JsonWriter& w, const Budget& b) {
  w.begin_object();
  w.key("total"), optional_decimal(w, b.total);
  w.key("fiscal"), optional_decimal(w, b.fiscal);
  w.key("other"), optional_decimal(w, b.other);
  w.key("written").begin_object();
  w.key("total").string_or_null(b.written.total);
  w.key("fiscal").string_or_null(b.written.fiscal);
  w.key("other").string_or_null(b.written.other);
  w.end_object();
  w.key("items").begin_array();
  for (const BudgetItem& item : b.items) {
    w.begin_object().key("label").string(item.label).key("amount");
    optional_decimal(w, item.amount);
    w.key("text").string(item.text).end_object();
  }
  w.end_array();
  w.key("project_total"), optional_decimal(w, b.project_total);
  w.end_object();
}

// The fields of the other forms' cards, each null where the card has none.
void card_fields(JsonWriter& w, const Project& p, bool with_contacts) {
  w.key("authority");
  if (p.authority)
    w.begin_object().key("code").string_or_null(p.authority->code).key("name").string_or_null(p.authority->name).end_object();
  else
    w.null();
  w.key("implementer").string_or_null(p.implementer);
  w.key("attribute").string_or_null(p.attribute);
  w.key("category").string_or_null(p.category);
  w.key("period");
  if (p.period) {
    w.begin_object().key("text").string(p.period->text);
    w.key("start").string_or_null(p.period->start).key("end").string_or_null(p.period->end).end_object();
  } else {
    w.null();
  }
  w.key("contact");
  if (p.contact && with_contacts)
    w.begin_object().key("person").string_or_null(p.contact->person).key("phone").string_or_null(p.contact->phone).end_object();
  else
    w.null();
  w.key("long_term_goals"), texts_or_null(w, p.long_term_goals);
}

}  // namespace

void emit::department_json(JsonWriter& w, const Department& d, const std::vector<TablePlace>* places) {
  w.key("department").begin_object();
  w.key("overall_goal").string_or_null(d.overall_goal);
  w.key("sub_goals").string_or_null(d.sub_goals);
  w.key("safeguards").string_or_null(d.safeguards);
  w.key("name").string_or_null(d.name);
  w.key("duties").string_or_null(d.duties);
  w.key("indicators"), indicators(w, d.indicators, places);
  w.end_object();
}

void emit::project_json(JsonWriter& w, const Project& p, bool with_contacts, const std::vector<TablePlace>* places) {
  w.begin_object();
  w.key("seq").integer(p.seq);
  w.key("heading");
  if (p.heading)
    w.begin_object().key("number").string(p.heading->number).key("text").string(p.heading->text).end_object();
  else
    w.null();
  w.key("unit");
  if (p.unit)
    w.begin_object().key("code").string(p.unit->code).key("name").string(p.unit->name).end_object();
  else
    w.null();
  w.key("amount_unit").string_or_null(p.amount_unit);
  w.key("code").string_or_null(p.code);
  w.key("name").string_or_null(p.name);
  w.key("budget"), budget(w, p.budget);
  w.key("purpose").string_or_null(p.purpose);
  w.key("schedule").begin_array();
  for (const SchedulePoint& s : p.schedule) {
    w.begin_object().key("period").string(s.period).key("percent");
    optional_decimal(w, s.percent);
    w.key("text").string(s.text).end_object();
  }
  w.end_array();
  w.key("goals"), texts_or_null(w, p.goals);
  w.key("goal_numbers").begin_array();
  for (const auto& n : p.goal_numbers) {
    if (n) w.integer(*n);
    else w.null();
  }
  w.end_array();
  w.key("indicators"), indicators(w, p.indicators, places);
  card_fields(w, p, with_contacts);
  w.key("at").begin_object().key("table");
  if (p.card_table) w.integer(p.card_table);
  else w.null();
  w.key("indicator_tables").begin_array();
  for (int t : p.indicator_tables) w.integer(t);
  w.end_array().end_object();
  w.end_object();
}

namespace {

void document(JsonWriter& w, const Document& doc, Lang lang) {
  w.begin_object();
  w.key("schema").string("jixiao.document/1");
  w.key("source").begin_object().key("path").string(doc.source.path).key("sha256").string(doc.source.sha256);
  // Only for a converted file: a .docx's source stays as it always was.
  if (doc.source.converted_from) w.key("converted_from").string(*doc.source.converted_from);
  if (doc.source.converter) w.key("converter").string(*doc.source.converter);
  w.end_object();
  w.key("year");
  if (doc.year) w.integer(*doc.year);
  else w.null();
  emit::department_json(w, doc.department, &doc.source.places);
  w.key("projects").begin_array();
  for (const Project& p : doc.projects) emit::project_json(w, p, true, &doc.source.places);
  w.end_array();
  w.key("warnings").begin_array();
  for (const Warning& warn : doc.warnings) {
    w.begin_object().key("message").string(warn.message.in(lang)).key("at");
    if (warn.at.table == 0) {
      w.null();
    } else {
      w.begin_object().key("table").integer(warn.at.table);
      w.key("row");
      if (warn.at.row) w.integer(warn.at.row);
      else w.null();
      w.key("column");
      if (warn.at.column) w.integer(warn.at.column);
      else w.null();
      sheet_and_cell(w, &doc.source.places, warn.at);
      w.end_object();
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

// A document's JSON in `w`. Each thread writes into the buffer its last document was written
// in (a county's documents are alike: it rarely grows), and the text is copied out at its size:
// a buffer made anew for each document was cleared first, half as large again as the text.
// `indent`: written first (a batch's documents are nested in its array).
std::string serialise(JsonWriter& w, const Document& doc, Lang lang, std::string_view indent = "") {
  JIXIAO_THREAD_LOCAL(std::string, buffer);
  w.use(std::move(buffer));
  w.raw(indent);
  document(w, doc, lang);
  return w.finish_into(buffer);
}

}  // namespace

std::string to_json(const Document& doc, Lang lang) {
  JsonWriter w;
  return serialise(w, doc, lang);
}

std::string to_json_line(const Document& doc, Lang lang) {
  JsonWriter w(true);
  return serialise(w, doc, lang);
}

std::string batch_json_open() { return "{\n  \"schema\": \"jixiao.batch/1\",\n  \"documents\": ["; }

std::string batch_json_separator(bool first) { return first ? "\n" : ",\n"; }

std::string batch_json_document(const Document& doc, Lang lang) {
  JsonWriter w(false, 4);
  std::string one = serialise(w, doc, lang, "    ");
  one.pop_back();  // its final line end
  return one;
}

std::string batch_json_close(bool empty) { return empty ? "]\n}\n" : "\n  ]\n}\n"; }

}  // namespace jixiao
