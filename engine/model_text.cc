#include "engine/model_text.h"

#include <fmt/format.h>

#include "engine/evaluator.h"

namespace smr {
namespace {

using model::Expr;
using model::Op;

int precedence(Op op) {
  switch (op) {
    case Op::Or:
      return 1;
    case Op::And:
      return 2;
    case Op::Not:
      return 3;
    case Op::Eq:
    case Op::Ne:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
      return 4;
    case Op::Add:
    case Op::Sub:
      return 5;
    case Op::Mul:
    case Op::Div:
      return 6;
    case Op::Neg:
      return 7;
    case Op::If:
      return 0;
    default:
      return 8;
  }
}

const char* infix(Op op) {
  switch (op) {
    case Op::Or:
      return " or ";
    case Op::And:
      return " and ";
    case Op::Eq:
      return " == ";
    case Op::Ne:
      return " != ";
    case Op::Lt:
      return " < ";
    case Op::Le:
      return " <= ";
    case Op::Gt:
      return " > ";
    case Op::Ge:
      return " >= ";
    case Op::Add:
      return " + ";
    case Op::Sub:
      return " - ";
    case Op::Mul:
      return " * ";
    case Op::Div:
      return " / ";
    default:
      return nullptr;
  }
}

// Writes `e` into `out`, stopping once `out` passes `limit`.
class Writer {
 public:
  Writer(const model::Model& m, size_t limit) : m_(m), limit_(limit) {}
  std::string take() {
    if (out_.size() > limit_) {
      out_.resize(limit_);
      out_ += "…";
    }
    return std::move(out_);
  }

  void write(const Expr& e, int context) {
    if (out_.size() > limit_) return;
    bool parens = precedence(e.op) < context;
    if (parens) out_ += "(";
    write_bare(e);
    if (parens) out_ += ")";
  }

 private:
  void write_bare(const Expr& e) {
    if (const char* sep = infix(e.op)) {
      int p = precedence(e.op);
      for (size_t i = 0; i < e.args.size() && out_.size() <= limit_; ++i) {
        if (i) out_ += sep;
        write(e.args[i], i == 0 ? p : p + 1);
      }
      return;
    }
    switch (e.op) {
      case Op::Const:
        out_ += e.constant.type == model::Type::Money
                    ? e.constant.number.to_string() + " " + m_.currency
                    : constant_text(e.constant);
        break;
      case Op::Severity:
        out_ += "severity";
        break;
      case Op::BreachDate:
        out_ += "date";
        break;
      case Op::Income:
        out_ += "relevant_income";
        break;
      case Op::DaysInPost:
        out_ += "days_in_post";
        break;
      case Op::Fact:
      case Op::PersonFact:
      case Op::Let:
        out_ += e.name;
        break;
      case Op::Lookup:
        out_ += m_.tables[e.index].name + "[";
        write(e.args[0], 0);
        out_ += "]";
        break;
      case Op::Neg:
        out_ += "-";
        write(e.args[0], precedence(Op::Neg));
        break;
      case Op::Not:
        out_ += "not ";
        write(e.args[0], precedence(Op::Not));
        break;
      case Op::If:
        out_ += "if ";
        write(e.args[0], 1);
        out_ += " then ";
        write(e.args[1], 1);
        out_ += " else ";
        write(e.args[2], 0);
        break;
      default:
        write_call(e);
        break;
    }
  }

  void write_call(const Expr& e) {
    out_ += e.name.empty() ? call_name(e.op) : e.name;
    out_ += "(";
    for (size_t i = 0; i < e.args.size(); ++i) {
      if (i) out_ += ", ";
      write(e.args[i], 0);
    }
    out_ += ")";
  }

  static const char* call_name(Op op) {
    switch (op) {
      case Op::Min:
        return "min";
      case Op::Max:
        return "max";
      case Op::RoundDown:
        return "round_down";
      case Op::RoundUp:
        return "round_up";
      case Op::PriorBreaches:
        return "prior_breaches";
      case Op::PriorSanctions:
        return "prior_sanctions";
      default:
        return "?";
    }
  }

  const model::Model& m_;
  size_t limit_;
  std::string out_;
};

}  // namespace

std::string titled(const std::string& title, const std::string& id) {
  return title.empty() || title == id ? id : fmt::format("{} ({})", title, id);
}

std::string constant_text(const model::Value& v) { return format_value(v, v.percent); }

std::string literal_text(const model::Value& v, const std::string& currency) {
  if (v.type == model::Type::Money) return v.number.to_string() + " " + currency;
  return constant_text(v);
}

std::string expression_text(const model::Model& m, const model::Expr& e, size_t max_chars) {
  Writer w(m, max_chars);
  w.write(e, 0);
  return w.take();
}

std::string selector_text(const model::Model& m, const model::Selector& s) {
  using Kind = model::Selector::Kind;
  switch (s.kind) {
    case Kind::Accountable:
      return "accountable";
    case Kind::Delegates:
      return "delegates";
    case Kind::Managers: {
      std::string out = s.levels == 1 ? "managers" : fmt::format("managers({})", s.levels);
      if (!s.of.empty()) out += " of " + selector_text(m, s.of);
      return out;
    }
    case Kind::Holders:
      return fmt::format("holders({})", m.functions[s.function].id);
    case Kind::Board:
      return "board";
    case Kind::Involved:
      return "involved";
    case Kind::AllHolders:
      return "holders";
    case Kind::Group:
      return "(" + selector_text(m, s.of) + ")";
  }
  return "?";
}

std::string selector_text(const model::Model& m, const std::vector<model::Selector>& terms) {
  std::string out;
  for (size_t i = 0; i < terms.size(); ++i) out += (i ? ", " : "") + selector_text(m, terms[i]);
  return out;
}

}  // namespace smr
