#pragma once
// The frame both pages share (page.html, page.css): everything before the data and after it,
// for a page whose script is common.js followed by `script`, with the Content-Security-Policy
// that lets exactly that script and that style run and forbids every request.
#include <string>
#include <string_view>

#include "jixiao/error.hpp"

namespace jixiao::emit {

struct PageFrame {
  std::string head;  // up to where the data blocks go, with the vocabulary's names (#jx-names)
  std::string tail;  // after them: the script, the end of the page
};
PageFrame page_frame(Lang lang, std::string_view title, std::string_view script);

}  // namespace jixiao::emit
