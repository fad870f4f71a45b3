// JX001 no-target-tables: the document holds no performance-target table.
// Its documentation, its message and its check; its fixtures are in tests/rules/JX001/.
#include "rules/rule.hpp"

namespace jixiao::rules {

Rule no_target_tables() {
  return {{"JX001", "no-target-tables", Severity::error, false,
           {"文档中没有绩效目标表", "the document holds no performance-target table"},
           {"文档里找不到任何项目表（含“项目编码”“项目名称”等栏目）或指标表（含“一级指标”表头）。"
            "常见原因是提交了错误的文件，或表格被做成了图片。\n"
            "错误示例：只有说明文字的通知。\n正确示例：每个项目一个“N、…绩效目标表”标题，下接项目表和指标表。",
            "No project card (a table with 项目编码, 项目名称 …) nor indicator table (a 一级指标 header) "
            "was found. Usually the wrong file was sent, or the tables were pasted as pictures.\n"
            "Bad: a notice with prose only.\nGood: per project a heading \"N、…绩效目标表\" followed "
            "by its card and its indicator table."}},
          [](Context& c) {
            if (c.doc.projects.empty() && c.doc.department.indicators.empty())
              c.report(nullptr, {}, "文档中没有找到绩效目标表", "no performance-target table found");
          }};
}

}  // namespace jixiao::rules
