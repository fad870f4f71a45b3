#pragma once
// The parts of the model's JSON that other writers take from here rather than writing them
// again: the review page's data (emit/html/review.cpp) holds each unit's department and cards
// exactly as the model's JSON has them.
#include <optional>
#include <string>
#include <vector>

#include "emit/json_writer.hpp"
#include "jixiao/model.hpp"

namespace jixiao::emit {

// A card, as in the model's "projects" array; "contact" null unless `with_contacts` (personal
// data, left out of the review page unless asked for).
void project_json(JsonWriter& w, const Project& p, bool with_contacts = true,
                  const std::vector<TablePlace>* places = nullptr);
// "department": {overall_goal, sub_goals, safeguards}, each text or null.
void department_json(JsonWriter& w, const Department& d, const std::vector<TablePlace>* places = nullptr);

}  // namespace jixiao::emit
