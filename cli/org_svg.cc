#include "cli/org_svg.h"

#include <graphviz/gvc.h>

#include <memory>
#include <mutex>

namespace smr::cli {

std::optional<std::string> dot_to_svg(const std::string& dot, std::string* error) {
  // Graphviz keeps global state: one drawing at a time, and one context
  // for the process (its text-size cache outlives a freed context:
  // Graphviz 2.42 then reads a freed font name, as ASan showed).
  static std::mutex one_at_a_time;
  std::lock_guard<std::mutex> lock(one_at_a_time);
  static GVC_t* const context = gvContext();
  GVC_t* gvc = context;
  if (!gvc) {
    *error = "Graphviz could not start";
    return std::nullopt;
  }
  std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> g(agmemread(dot.c_str()), agclose);
  if (!g) {
    *error = "Graphviz could not read the org's DOT";
    return std::nullopt;
  }
  if (gvLayout(gvc, g.get(), "dot") != 0) {
    *error = "Graphviz could not lay the org out";
    return std::nullopt;
  }
  char* data = nullptr;
  unsigned int length = 0;
  int rendered = gvRenderData(gvc, g.get(), "svg", &data, &length);
  std::string svg = rendered == 0 && data ? std::string(data, length) : "";
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc, g.get());
  if (svg.empty()) {
    *error = "Graphviz could not draw the org";
    return std::nullopt;
  }
  size_t start = svg.find("<svg");
  return start == std::string::npos ? svg : svg.substr(start);
}

}  // namespace smr::cli
