#pragma once
// Writers of the model. The JSON is the contract: schemas/document.schema.json.
#include <string>
#include <vector>

#include "jixiao/error.hpp"
#include "jixiao/model.hpp"

namespace jixiao {

// One document as "jixiao.document/1". Warning messages in `lang`.
std::string to_json(const Document& doc, Lang lang);

// Several documents as "jixiao.batch/1", in the order given.
std::string to_batch_json(const std::vector<Document>& docs, Lang lang);

}  // namespace jixiao
