// The one place HTML is written: a builder that escapes every string it is
// given (names, titles and strings from a model may hold `<`, `&`, quotes
// or control characters), and the page templates compiled in from
// cli/templates/.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smr::cli {

// `s` with & < > " ' as entities and control characters (which XML
// forbids) replaced: safe as element text and as an attribute value.
std::string escape_html(std::string_view s);

using Attributes = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// Appends markup. Tag and attribute names come from the program; every
// text and attribute value is escaped, except what `trusted` is given.
class Html {
 public:
  Html& open(std::string_view tag, Attributes attrs = {});
  Html& close(std::string_view tag);
  Html& text(std::string_view s);
  // <tag attrs>text</tag>
  Html& element(std::string_view tag, std::string_view text, Attributes attrs = {});
  // Markup the program made itself (an SVG Graphviz drew from escaped DOT).
  Html& trusted(std::string_view markup);
  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// The compiled-in templates: the page skeleton and its stylesheet.
std::string_view page_template();
std::string_view page_style();
// `tpl` with each `{{name}}` replaced by its value (already HTML).
std::string fill_template(std::string_view tpl,
                          const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace smr::cli
