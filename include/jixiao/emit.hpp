#pragma once
// Writers of the model. The JSON is the contract: schemas/document.schema.json.
#include <string>
#include <vector>

#include "jixiao/error.hpp"
#include "jixiao/model.hpp"

namespace jixiao {

// One document as "jixiao.document/1". Warning messages in `lang`.
std::string to_json(const Document& doc, Lang lang);

// One document on one line, for NDJSON.
std::string to_json_line(const Document& doc, Lang lang);

// "jixiao.batch/1" written as documents arrive: the opening, each document (with its
// separator), the closing. Together they give one JSON object, indented like to_json.
std::string batch_json_open();
std::string batch_json_document(const Document& doc, Lang lang);  // indented, no separator
std::string batch_json_separator(bool first);
std::string batch_json_close(bool empty);

}  // namespace jixiao
