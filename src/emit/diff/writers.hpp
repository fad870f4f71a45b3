#pragma once
// The diff writers, each of the one shape the table of formats holds (jixiao/formats.hpp).
#include <memory>
#include <string>

#include "jixiao/diff.hpp"

namespace jixiao::emit {

std::unique_ptr<DiffWriter> diff_text_writer(const std::string& old_name, const std::string& new_name,
                                             const DiffOptions& options, bool colour, DiffSink out);
std::unique_ptr<DiffWriter> diff_json_writer(const std::string& old_name, const std::string& new_name,
                                             const DiffOptions& options, bool colour, DiffSink out);
std::unique_ptr<DiffWriter> diff_html_writer(const std::string& old_name, const std::string& new_name,
                                             const DiffOptions& options, bool colour, DiffSink out);
// The diff's JSON, compact and escaped for HTML: the diff page's data block.
std::unique_ptr<DiffWriter> diff_json_data(const std::string& old_name, const std::string& new_name,
                                           const DiffOptions& options, DiffSink out);

}  // namespace jixiao::emit
