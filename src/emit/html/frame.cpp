// The pages' common frame (frame.hpp): page.html and page.css around the data, the vocabulary block, the scripts.
#include "emit/html/frame.hpp"

#include "emit/html/assets.hpp"
#include "emit/json_writer.hpp"
#include "extract/labels.hpp"
#include "util/digest.hpp"

namespace jixiao::emit {
namespace {

// "'sha256-…'": the CSP source that allows exactly this inline text.
std::string csp_hash(std::string_view text) {
  return "'sha256-" + util::base64(util::sha256(text.data(), text.size())) + "'";
}

// The vocabulary's names of the model's fields, for the pages' headings (common.js: JX.name).
std::string names_block() {
  JsonWriter w(true, 0, true);
  w.raw("<script type=\"application/json\" id=\"jx-names\">");
  w.begin_object();
  for (const extract::FieldName& f : extract::field_names())
    w.key(f.key).begin_object().key("zh").string(f.zh).key("en").string(f.en).end_object();
  w.end_object();
  w.raw("</script>\n");
  return w.finish();
}

}  // namespace

PageFrame page_frame(Lang lang, std::string_view title, std::string_view script) {
  const std::string code = std::string(assets::common_js()) + "\n" + std::string(script);
  const std::string_view style = assets::page_css();
  const std::string csp = "default-src 'none'; script-src " + csp_hash(code) + "; style-src " + csp_hash(style) +
                          "; img-src data:; base-uri 'none'; form-action 'none'";
  std::string page(assets::page_html());
  auto fill = [&page](std::string_view mark, std::string_view text) {
    std::size_t at = page.find(mark);
    if (at != std::string::npos) page.replace(at, mark.size(), text);
  };
  fill("{{lang}}", lang == Lang::en ? "en" : "zh-CN");
  fill("{{csp}}", csp);
  fill("{{title}}", title);
  fill("{{style}}", style);
  fill("{{script}}", code);
  const std::size_t data_at = page.find("{{data}}");
  return {page.substr(0, data_at) + names_block(), page.substr(data_at + 8)};
}

}  // namespace jixiao::emit
