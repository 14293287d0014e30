#include "dsl/parser.h"

#include "dsl/grammar.hpp"

namespace smr {

long find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  for (size_t i = 0; i < n;) {
    unsigned char c = p[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > n) return static_cast<long>(i);
    uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return static_cast<long>(i);
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return static_cast<long>(i);
    i += len;
  }
  return -1;
}

ast::File parse_file(const SourceManager& sources, uint32_t file_id, Diagnostics& diags) {
  ast::File out;
  out.file_id = file_id;
  const std::string& text = sources.text(file_id);
  if (long bad = find_invalid_utf8(text); bad >= 0) {
    diags.error({file_id, static_cast<uint32_t>(bad), 1}, "invalid UTF-8 byte sequence");
    return out;
  }
  parser::ParseState state;
  state.file_id = file_id;
  state.begin = text.data();
  state.end = text.data() + text.size();
  state.diags = &diags;
  const char* first = state.begin;
  try {
    // The context built here must match parser::context_type (config.hpp).
    boost::spirit::x3::phrase_parse(
        first, state.end, boost::spirit::x3::with<parser::parse_state_tag>(state)[file_grammar()],
        parser::Skipper{}, out.decls);
  } catch (const parser::TooManyErrors&) {
    diags.note({}, "too many syntax errors in " + sources.path(file_id) + "; stopped parsing it");
  }
  return out;
}

}  // namespace smr
