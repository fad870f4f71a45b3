#include "emit/json_writer.hpp"

#include "util/text.hpp"

namespace jixiao::emit {

std::string escape_json(const std::string& s) {
  std::string out = "\"";
  for (char32_t c : text::decode(s)) {
    switch (c) {
      case U'"': out += "\\\""; break;
      case U'\\': out += "\\\\"; break;
      case U'\n': out += "\\n"; break;
      case U'\t': out += "\\t"; break;
      case U'\r': out += "\\r"; break;
      case U'\b': out += "\\b"; break;
      case U'\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          static const char* hex = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 0xf];
        } else {
          text::append_utf8(out, c);
        }
    }
  }
  return out + "\"";
}

void JsonWriter::newline() {
  if (compact_) return;
  out_ += '\n';
  out_.append(empty_.size() * 2, ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!empty_.empty()) {
    if (!empty_.back()) out_ += ',';
    empty_.back() = false;
    newline();
  }
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  bool was_empty = empty_.back();
  empty_.pop_back();
  if (!was_empty) newline();
  out_ += bracket;
  return *this;
}

JsonWriter& JsonWriter::end_object() { return close('}'); }

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() { return close(']'); }

JsonWriter& JsonWriter::key(const std::string& k) {
  before_value();
  out_ += escape_json(k);
  out_ += compact_ ? ":" : ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(const std::string& s) {
  before_value();
  out_ += escape_json(s);
  return *this;
}

JsonWriter& JsonWriter::number(const std::string& decimal_text) {
  before_value();
  out_ += decimal_text;
  return *this;
}

JsonWriter& JsonWriter::integer(std::int64_t n) { return number(std::to_string(n)); }

JsonWriter& JsonWriter::boolean(bool b) { return number(b ? "true" : "false"); }

JsonWriter& JsonWriter::null() { return number("null"); }

std::string JsonWriter::finish() {
  out_ += '\n';  // NDJSON's line end too
  return std::move(out_);
}

}  // namespace jixiao::emit
