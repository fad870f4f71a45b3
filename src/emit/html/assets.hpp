#pragma once
// The review page's own files (page.html, page.css, page.js in this folder), embedded at build
// time by cmake/embed.cmake.
#include <string_view>

namespace jixiao::emit::assets {
std::string_view page_html();
std::string_view page_css();
std::string_view page_js();
}  // namespace jixiao::emit::assets
