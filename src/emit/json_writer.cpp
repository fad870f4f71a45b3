#include "emit/json_writer.hpp"

#include "util/text.hpp"

namespace jixiao::emit {

std::string escape_json(const std::string& s) {
  std::string out = "\"";
  out.reserve(s.size() + 2);
  // Valid UTF-8 is copied as it is; only control characters, quotes and backslashes change.
  // Anything invalid goes through the decoder, which makes it U+FFFD.
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    if (c >= 0x80) {
      std::size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
      bool valid = len && i + len <= s.size();
      for (std::size_t k = 1; valid && k < len; ++k) valid = (static_cast<unsigned char>(s[i + k]) & 0xc0) == 0x80;
      if (valid) {
        std::u32string cp = text::decode(std::string_view(s).substr(i, len));
        valid = cp.size() == 1 && cp[0] != U'\uFFFD';
      }
      if (valid) {
        out.append(s, i, len);
        i += len;
        continue;
      }
      text::append_utf8(out, U'\uFFFD');
      ++i;
      continue;
    }
    ++i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default: {
        static const char* hex = "0123456789abcdef";
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 0xf];
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
