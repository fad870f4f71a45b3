#pragma once
// The pages' own files in this folder, embedded at build time by cmake/embed.cmake: the markup
// and style both pages use, the script they share, and each page's script.
#include <string_view>

namespace jixiao::emit::assets {
std::string_view page_html();
std::string_view page_css();
std::string_view common_js();
std::string_view review_js();
std::string_view diff_js();
}  // namespace jixiao::emit::assets
