// The one table of every rule, in id order. Ids are stable: configs and scripts depend on them.
#include "rules/rule.hpp"

namespace jixiao::rules {

// Each defined in its own file, src/rules/jxNNN_<name>.cpp.
Rule no_target_tables();
Rule field_missing();
Rule budget_sum();
Rule cost_over_budget();
Rule deadline_after_end();
Rule period_order();
Rule annual_over_total();
Rule amount_invalid();
Rule schedule_order();
Rule schedule_final();
Rule percent_invalid();
Rule level1_unknown();
Rule level2_mismatch();
Rule category_missing();
Rule output_incomplete();
Rule indicator_duplicate();
Rule value_missing();
Rule value_unquantified();
Rule value_mixed_grade();
Rule unit_nonstandard();
Rule cost_direction();
Rule basis_missing();
Rule level3_missing();
Rule percent_over_100();
Rule placeholder();
Rule nature_mismatch();
Rule unit_conflict();
Rule level3_generic();
Rule input_as_output();
Rule goal_unmeasured();
Rule too_few_indicators();
Rule weight_sum();
Rule attribute_unclear();
Rule code_format();
Rule code_duplicate();
Rule code_year();
Rule unit_inconsistent();
Rule town_township_mixed();
Rule heading_numbering();
Rule heading_name_mismatch();
Rule stray_whitespace();
Rule goals_numbering();

const std::vector<Rule>& registry() {
  static const std::vector<Rule> all = {
      no_target_tables(),      // JX001
      field_missing(),         // JX002
      budget_sum(),            // JX101
      amount_invalid(),        // JX102
      schedule_order(),        // JX103
      schedule_final(),        // JX104
      percent_invalid(),       // JX105
      cost_over_budget(),      // JX106
      deadline_after_end(),    // JX107
      period_order(),          // JX108
      annual_over_total(),     // JX109
      level1_unknown(),        // JX201
      level2_mismatch(),       // JX202
      category_missing(),      // JX203
      output_incomplete(),     // JX204
      indicator_duplicate(),   // JX205
      value_missing(),         // JX206
      value_unquantified(),    // JX207
      value_mixed_grade(),     // JX208
      unit_nonstandard(),      // JX209
      cost_direction(),        // JX210
      basis_missing(),         // JX211
      level3_missing(),        // JX212
      percent_over_100(),      // JX213
      placeholder(),           // JX214
      nature_mismatch(),       // JX215
      unit_conflict(),         // JX216
      level3_generic(),        // JX217
      input_as_output(),       // JX218
      goal_unmeasured(),       // JX219
      too_few_indicators(),    // JX220
      weight_sum(),            // JX221
      attribute_unclear(),     // JX222
      code_format(),           // JX301
      code_duplicate(),        // JX302
      code_year(),             // JX303
      unit_inconsistent(),     // JX304
      town_township_mixed(),   // JX305
      heading_numbering(),     // JX401
      heading_name_mismatch(), // JX402
      stray_whitespace(),      // JX403
      goals_numbering(),       // JX404
  };
  return all;
}

}  // namespace jixiao::rules
