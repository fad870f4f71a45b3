// UTF-8 to GB18030 without iconv, for the static build: a static glibc cannot load iconv's GB18030
// module, and the only library Debian ships that converts to GB18030 and links statically (ICU)
// would add its 31 MB data archive to a program of a few (bench/RESULTS.md). The table is
// written at build time from the build machine's glibc iconv (scripts/make_gb18030.py), so the
// bytes are those the dynamic build writes; a unit test compares every code point with iconv.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jixiao::util {

// nullopt: the text is not valid UTF-8, or holds a code point GB18030 (as iconv has it) lacks.
std::optional<std::string> utf8_to_gb18030(std::string_view utf8);

}  // namespace jixiao::util
