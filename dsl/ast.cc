#include "dsl/ast.hpp"

namespace smr::ast {

const char* keyword_text(RegimeKey k) {
  static const char* const kText[] = {"version", "currency", "unallocated", "fines"};
  return kText[static_cast<int>(k)];
}
const char* keyword_text(FactKind k) { return k == FactKind::Fact ? "fact" : "person_fact"; }
const char* keyword_text(TypeName k) {
  static const char* const kText[] = {"bool", "int", "decimal", "percent", "money", "date"};
  return kText[static_cast<int>(k)];
}
const char* keyword_text(SanctionWord k) {
  static const char* const kText[] = {"censure", "fine", "disqualification", "criminal"};
  return kText[static_cast<int>(k)];
}
const char* keyword_text(SelectorWord k) {
  static const char* const kText[] = {"accountable", "delegates", "managers", "holders",
                                      "board",       "involved",  "("};
  return kText[static_cast<int>(k)];
}
const char* keyword_text(EdgeWord k) {
  static const char* const kText[] = {"reports_to", "holds", "responsible_for", "delegates"};
  return kText[static_cast<int>(k)];
}
const char* keyword_text(OutcomeWord k) {
  static const char* const kText[] = {"none", "censure", "fine", "disqualification", "criminal"};
  return kText[static_cast<int>(k)];
}
const char* keyword_text(BinaryOp k) {
  static const char* const kText[] = {
      "or", "and", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/"};
  return kText[static_cast<int>(k)];
}
const char* keyword_text(FunctionName k) {
  static const char* const kText[] = {
      "min", "max", "round_down", "round_up", "prior_breaches", "prior_sanctions"};
  return kText[static_cast<int>(k)];
}

}  // namespace smr::ast
