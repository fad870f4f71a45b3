// The diff page: the frame, a data block holding the diff's JSON (compact, escaped for HTML), and
// diff.js, which draws it.
#include "emit/diff/writers.hpp"
#include "emit/html/assets.hpp"
#include "emit/html/frame.hpp"

namespace jixiao {
namespace {

// The diff page: the frame, the data block, diff.js.
class HtmlDiffWriter : public DiffWriter {
public:
  HtmlDiffWriter(const std::string& old_name, const std::string& new_name, const DiffOptions& o, DiffSink out)
      : out_(std::move(out)) {
    emit::PageFrame frame = emit::page_frame(o.lang, o.lang == Lang::en ? "jixiao diff" : "jixiao 版本比较", emit::assets::diff_js());
    tail_ = std::move(frame.tail);
    out_(frame.head + "<script type=\"application/json\" id=\"jx-diff\">");
    json_ = emit::diff_json_data(old_name, new_name, o, out_);
  }
  void document(const DocumentDiff& d) override { json_->document(d); }
  void finish(const DiffSummary& s) override {
    json_->finish(s);
    out_("</script>" + tail_);
  }

private:
  DiffSink out_;
  std::string tail_;
  std::unique_ptr<DiffWriter> json_;
};

}  // namespace

std::unique_ptr<DiffWriter> emit::diff_html_writer(const std::string& old_name, const std::string& new_name,
                                                   const DiffOptions& options, bool, DiffSink out) {
  return std::make_unique<HtmlDiffWriter>(old_name, new_name, options, std::move(out));
}

}  // namespace jixiao
