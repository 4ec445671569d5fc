#include "writers.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <map>
#include <memory>

#include "diplograph/extract/error.h"

namespace diplograph::exporter {

Style styleOf(const std::string& type) {
  static const std::map<std::string, Style> kStyles = {
      {"Meeting", {"box", "#fce5cd"}},     {"State", {"box", "#cfe2f3"}},      {"Organization", {"hexagon", "#d9ead3"}},
      {"Resolution", {"note", "#fff2cc"}}, {"Person", {"ellipse", "#f4cccc"}}, {"Place", {"house", "#ead1dc"}},
  };
  const auto found = kStyles.find(type);
  return found != kStyles.end() ? found->second : Style{"box", "#eeeeee"};
}

std::string quoteDot(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string shorten(const std::string& text, std::size_t limit) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (points++ == limit) {
      const auto space = text.rfind(' ', i);
      return text.substr(0, space == std::string::npos || space < i / 2 ? i : space) + "…";
    }
  }
  return text;
}

std::string render(const std::string& dot, const char* format) {
  std::unique_ptr<GVC_t, int (*)(GVC_t*)> context(gvContext(), gvFreeContext);
  if (!context) throw StoreError("cannot start Graphviz");
  std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> picture(agmemread(dot.c_str()), agclose);
  if (!picture) throw StoreError("Graphviz cannot read the DOT it was given");
  if (gvLayout(context.get(), picture.get(), "dot") != 0) throw StoreError("Graphviz layout failed");
  char* data = nullptr;
  unsigned int length = 0;
  const int status = gvRenderData(context.get(), picture.get(), format, &data, &length);
  std::string out = status == 0 && data != nullptr ? std::string(data, length) : std::string();
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(context.get(), picture.get());
  if (status != 0) throw StoreError(std::string("Graphviz cannot render ") + format);
  return out;
}

}  // namespace diplograph::exporter
