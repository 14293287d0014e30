// What `smr lsp` knows of a document: its compiled model, the declarations
// it can name, and conversions between LSP positions (lines and UTF-16
// characters) and byte offsets.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/compile.h"

namespace smr::cli {

// A declared name: what a hover shows and where a definition jumps.
struct Declaration {
  std::string name;
  std::string kind;    // "function", "responsibility", "fact", "person fact", "table", ...
  std::string detail;  // title, type, citations, a person's functions and areas
  SourceLoc loc;
  int lsp_kind = 13;  // SymbolKind / CompletionItemKind family: see lsp.cc
};

// One compiled document and its declarations.
class DocumentIndex {
 public:
  DocumentIndex(const std::string& path, const std::string& text);
  const Compilation& compilation() const { return *c_; }
  const std::vector<Declaration>& declarations() const { return declarations_; }
  // The declarations named `name` (a person id may be declared in several orgs).
  std::vector<const Declaration*> find(const std::string& name) const;
  uint32_t root_file() const { return 1; }

 private:
  void index_model();
  std::unique_ptr<Compilation> c_;
  std::vector<Declaration> declarations_;
};

// Byte offset of an LSP position in `text`, and back.
size_t offset_of(const std::string& text, int line, int character);
std::pair<int, int> position_of(std::string_view text, size_t offset);

}  // namespace smr::cli
