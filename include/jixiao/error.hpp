#pragma once
// Errors are values: a kind, and a message in the two languages the tool speaks.
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace jixiao {

enum class Lang { zh, en };

struct Message {
  std::string zh;
  std::string en;
  const std::string& in(Lang lang) const { return lang == Lang::en ? en : zh; }
};

enum class ErrorKind {
  cannot_open,
  too_large,
  empty_file,
  legacy_doc,
  encrypted,
  odf,
  pdf,
  rtf,
  spreadsheet,
  presentation,
  word2003_xml,
  not_docx,
  corrupt_zip,
  no_main_part,
  bad_xml,
  limit_exceeded,
  no_target_tables,
  bad_config,
  converter_missing,  // a .doc, .wps, .odt or .rtf, and no LibreOffice to convert it
  conversion_failed,
};

struct Error {
  ErrorKind kind;
  Message message;
};

// The value or the error that stopped it.
template <class T>
class Expected {
public:
  Expected(T value) : v_(std::move(value)) {}
  Expected(Error error) : v_(std::move(error)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  const Error& error() const { return std::get<1>(v_); }

private:
  std::variant<T, Error> v_;
};

}  // namespace jixiao
