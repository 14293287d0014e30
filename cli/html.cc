#include "cli/html.h"

#include "cli/report_templates.h"  // generated from cli/templates/

namespace smr::cli {

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7F) {
          out += "\xEF\xBF\xBD";  // U+FFFD: XML allows no control character
        } else {
          out += c;
        }
    }
  }
  return out;
}

Html& Html::open(std::string_view tag, Attributes attrs) {
  out_ += '<';
  out_ += tag;
  for (const auto& [name, value] : attrs) {
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    out_ += escape_html(value);
    out_ += '"';
  }
  out_ += '>';
  return *this;
}

Html& Html::close(std::string_view tag) {
  out_ += "</";
  out_ += tag;
  out_ += ">\n";
  return *this;
}

Html& Html::text(std::string_view s) {
  out_ += escape_html(s);
  return *this;
}

Html& Html::element(std::string_view tag, std::string_view text, Attributes attrs) {
  open(tag, attrs);
  out_ += escape_html(text);
  return close(tag);
}

Html& Html::trusted(std::string_view markup) {
  out_ += markup;
  return *this;
}

std::string_view page_template() { return kPageTemplate; }
std::string_view page_style() { return kPageStyle; }

std::string fill_template(std::string_view tpl,
                          const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  size_t at = 0;
  while (true) {
    size_t open = tpl.find("{{", at);
    if (open == std::string_view::npos) break;
    size_t end = tpl.find("}}", open);
    if (end == std::string_view::npos) break;
    out += tpl.substr(at, open - at);
    std::string_view name = tpl.substr(open + 2, end - open - 2);
    for (const auto& [key, value] : values) {
      if (key == name) out += value;
    }
    at = end + 2;
  }
  out += tpl.substr(at);
  return out;
}

}  // namespace smr::cli
