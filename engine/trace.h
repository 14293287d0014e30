// What an explanation records while a rule is evaluated for one person: the
// inputs read (and whether each was given or a default), the lets, the
// conditions with their values and the fine's arithmetic with its operands
// named. The values stay values; the CLI formats them.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dsl/model.h"

namespace smr {

// A value with the way the model writes it (30% rather than 0.3).
struct Shown {
  model::Value value;
  bool percent = false;
};

// Where an input's value came from.
// A `let` read inside a condition counts as one of its inputs (Let), but
// lets are listed apart from the explanation's inputs.
enum class InputSource : uint8_t { Given, Default, Org, Table, TableDefault, Derived, Let };
const char* input_source_name(InputSource s);

// One input read: a breach fact, a person fact, `severity`,
// `relevant_income`, a table entry (`seriousness[4]`), or a value the engine
// works out (`prior_breaches(12 months)`).
struct Input {
  std::string name;
  Shown value;
  InputSource source = InputSource::Given;
};

// One operand of an arithmetic step; `name` is empty for a literal or the
// result of an earlier step.
struct Operand {
  std::string name;
  Shown value;
};

// `relevant_income 180,000.00 × seriousness[4] 30% = 54,000.00` is the step
// {op "×", two operands, result}; a call such as round_down has op
// "round_down" and its arguments as operands.
struct Step {
  std::string op;
  std::vector<Operand> operands;
  Shown result;
  bool call() const { return !op.empty() && op[0] >= 'a' && op[0] <= 'z'; }
};

struct LetValue {
  std::string name;
  Shown value;
};

// A `when` or `where` condition, as written, with its value and the inputs
// it read.
struct Condition {
  std::string kind;  // "when" or "where"
  std::string text;
  bool value = false;
  std::vector<Input> inputs;
};

struct Explanation {
  std::vector<Input> inputs;  // every input read, first read first, each once
  std::vector<LetValue> lets;
  std::vector<Condition> conditions;
  std::vector<Step> arithmetic;
};

// Collects an Explanation while expressions are evaluated.
class Trace {
 public:
  Trace() = default;
  // Goes on from `start` (the rule's `when`, shared by everyone it judges).
  explicit Trace(const Explanation& start);
  void read(const std::string& name, const model::Value& v, bool percent, InputSource source);
  void let(const std::string& name, const model::Value& v, bool percent);
  // Arithmetic steps are kept only between these (the fine or the cap).
  void record_steps(bool on) { steps_on_ = on; }
  void step(Step s);
  // Conditions: the inputs read between begin and end belong to it.
  void begin_condition();
  void end_condition(std::string kind, std::string text, bool value);
  // The name a table lookup gave its operand (`seriousness[4]`).
  void name_operand(const model::Expr* e, std::string name) { operand_names_[e] = std::move(name); }
  std::string operand_name(const model::Expr* e) const;

  const Explanation& explanation() const { return out_; }
  Explanation take() { return std::move(out_); }

 private:
  Explanation out_;
  std::unordered_set<std::string> seen_;
  bool steps_on_ = false;
  bool in_condition_ = false;
  std::vector<Input> condition_inputs_;
  std::unordered_set<std::string> condition_seen_;
  std::unordered_map<const model::Expr*, std::string> operand_names_;
};

}  // namespace smr
