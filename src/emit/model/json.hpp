#pragma once
// The parts of the model's JSON that other writers write the same way: the review page's data
// (emit/html/review.cpp), whose cards and rows are a compact projection of the model's, takes
// these from here rather than writing them again.
#include <optional>
#include <string>
#include <vector>

#include "emit/json_writer.hpp"
#include "jixiao/model.hpp"

namespace jixiao::emit {

// "department": {overall_goal, sub_goals, safeguards}, each text or null.
void department_json(JsonWriter& w, const Department& d);
// A list of texts (a card's goals), or null when the card has none.
void texts_or_null(JsonWriter& w, const std::optional<std::vector<std::string>>& texts);

}  // namespace jixiao::emit
