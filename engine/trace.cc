#include "engine/trace.h"

namespace smr {

const char* input_source_name(InputSource s) {
  switch (s) {
    case InputSource::Given:
      return "given";
    case InputSource::Default:
      return "default";
    case InputSource::Org:
      return "org";
    case InputSource::Table:
      return "table";
    case InputSource::TableDefault:
      return "table default";
    case InputSource::Derived:
      return "derived";
    case InputSource::Let:
      return "let";
  }
  return "?";
}

Trace::Trace(const Explanation& start) : out_(start) {
  for (const auto& in : out_.inputs) seen_.insert(in.name);
}

void Trace::read(const std::string& name, const model::Value& v, bool percent, InputSource source) {
  Input in{name, Shown{v, percent}, source};
  if (in_condition_ && condition_seen_.insert(name).second) condition_inputs_.push_back(in);
  if (source != InputSource::Let && seen_.insert(name).second) out_.inputs.push_back(std::move(in));
}

void Trace::let(const std::string& name, const model::Value& v, bool percent) {
  out_.lets.push_back({name, Shown{v, percent}});
}

void Trace::step(Step s) {
  if (steps_on_) out_.arithmetic.push_back(std::move(s));
}

void Trace::begin_condition() {
  in_condition_ = true;
  condition_inputs_.clear();
  condition_seen_.clear();
}

void Trace::end_condition(std::string kind, std::string text, bool value) {
  in_condition_ = false;
  out_.conditions.push_back(
      {std::move(kind), std::move(text), value, std::move(condition_inputs_)});
  condition_inputs_ = {};
}

std::string Trace::operand_name(const model::Expr* e) const {
  auto it = operand_names_.find(e);
  return it == operand_names_.end() ? "" : it->second;
}

}  // namespace smr
