// smr: the command line. Subcommands come from one table so that --help and
// dispatch cannot drift apart.
#include <fmt/format.h>
#include <pthread.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <system_error>

#include "cli/commands.h"
#include "cli/workspace.h"
#include "dsl/core/file_text.h"
#include "dsl/core/spelling.h"

#ifdef SMR_WITH_MIMALLOC
#include <mimalloc.h>
#endif

namespace {

using smr::cli::Options;

struct Command {
  const char* name;
  const char* help;
  std::function<void(CLI::App&, Options&)> setup;
  int (*run)(const Options&);
};

void add_root(CLI::App& app, Options& o) {
  app.add_option("--root", o.roots,
                 "a directory imports may read from, besides the model files' own (repeatable)")
      ->allow_extra_args(false);
}

void add_files(CLI::App& app, Options& o) {
  app.add_option("FILE", o.files, "the model's .smr files (imports are followed)")->required();
  app.add_option("--org-json", o.org_json,
                 "add the org(s) of this JSON file (an HR export; see README)");
  add_root(app, o);
  app.footer("Exit codes: 0 success; 1 model errors or failures; 2 usage or unreadable file.");
}

// --base and --head of the commands that compare two versions of a ruleset
// (with `required` false, comparing is optional: `report`).
void add_versions(CLI::App& app, Options& o, bool required) {
  auto* base = app.add_option("--base", o.base, "a file of the base version (repeat for several)")
                   ->allow_extra_args(false);
  auto* head =
      app.add_option("--head", o.head, "a file of the changed version (repeat for several)")
          ->allow_extra_args(false);
  if (required) {
    base->required();
    head->required();
  }
}

void add_jobs(CLI::App& app, Options& o) {
  app.add_option("-j,--jobs", o.jobs,
                 "evaluate on N threads (default: every core); output is the same")
      ->check(CLI::Range(1, 1024));
}

void add_eval_options(CLI::App& app, Options& o) {
  add_files(app, o);
  app.add_option("--scenario", o.scenarios,
                 "evaluate only this scenario (repeatable; with --scenarios-jsonl, streamed names)")
      ->allow_extra_args(false);
  app.add_option("--format", o.format, "output format: text or json (JSON Lines)")
      ->check(CLI::IsMember({"text", "json"}));
  app.add_flag("--explain", o.explain,
               "show each sanction's rule, inputs, conditions, path and arithmetic");
  app.add_option("--why-not", o.why_not,
                 "explain, rule by rule, why PERSON got no sanction (repeatable)")
      ->type_name("PERSON")
      ->allow_extra_args(false);
  app.add_flag("--all-persons", o.all_persons, "list people with no sanction too");
  app.add_option("--scenarios-jsonl", o.scenarios_jsonl,
                 "evaluate scenarios streamed from FILE (or - for stdin), one JSON object a line; "
                 "writes one JSON result a line");
  add_jobs(app, o);
}

const Command kCommands[] = {
    {"check", "Parse and check a model; print diagnostics. Exit 1 on any error.", add_files,
     smr::cli::run_check},
    {"eval", "Evaluate scenarios and print each person's outcome.", add_eval_options,
     smr::cli::run_eval},
    {"test", "Run every scenario that has expect lines; exit 1 if any fails.",
     [](CLI::App& app, Options& o) {
       add_files(app, o);
       app.add_option("--junit", o.junit, "also write the results as JUnit XML to PATH");
       app.add_option("--coverage-json", o.coverage_json,
                      "write the coverage as JSON to FILE, for tools")
           ->type_name("FILE");
       app.add_flag("--coverage", o.coverage,
                    "list each rule's sanctions; flag rules that never fired");
       app.add_option(
           "--scenarios-jsonl", o.scenarios_jsonl,
           "test the expectations of scenarios streamed from FILE (or - for stdin), one JSON "
           "object a line, instead of the model's");
       add_jobs(app, o);
     },
     smr::cli::run_test},
    {"diff", "Show which outcomes move between two versions of a ruleset.",
     [](CLI::App& app, Options& o) {
       add_versions(app, o, true);
       app.add_option("COMMON", o.files, "files both versions share: org, scenarios, ...");
       app.add_option("--format", o.format, "output format: text or json")
           ->check(CLI::IsMember({"text", "json"}));
       app.add_flag("--fail-on-change", o.fail_on_change, "exit 1 when any outcome changed");
       app.add_option("--intended", o.intended,
                      "exit 1 unless the changes are exactly those this manifest lists")
           ->type_name("FILE");
       app.add_option("--write-intended", o.write_intended,
                      "write the changes as a manifest, for review and --intended")
           ->type_name("FILE");
       add_root(app, o);
     },
     smr::cli::run_diff},
    {"explore", "Generate scenarios that tell two versions of a ruleset apart.",
     [](CLI::App& app, Options& o) {
       add_versions(app, o, true);
       app.add_option("COMMON", o.files, "files both versions share: the org(s), ...");
       app.add_option("--max", o.max, "explore at most N scenarios (default 100000)")
           ->type_name("N")
           ->check(CLI::Range(int64_t{1}, int64_t{100'000'000}));
       app.add_option("--seed", o.seed, "which scenarios, when there are more than --max")
           ->type_name("S");
       app.add_flag("--monotone", o.monotone,
                    "exit 1 if head treats anyone more leniently than base in some scenario");
       app.add_option("--format", o.format, "output format: text (a .smr file) or json")
           ->check(CLI::IsMember({"text", "json"}));
       add_jobs(app, o);
       add_root(app, o);
       app.footer(
           "Exit codes: 0 success; 1 model errors, or --monotone and head is more "
           "lenient; 2 usage or unreadable file.");
     },
     smr::cli::run_explore},
    {"sweep", "Re-evaluate one scenario over ranges of its inputs.",
     [](CLI::App& app, Options& o) {
       add_files(app, o);
       app.add_option("--scenario", o.scenario, "the scenario to vary")->required();
       app.add_option("--vary", o.vary,
                      "NAME=FROM..TO[:STEP]: a breach fact, severity, date (step in days, or "
                      "months as '1 month'), PERSON.FACT or PERSON.relevant_income (repeatable)")
           ->required()
           ->allow_extra_args(false);
       app.add_option("--format", o.format, "output format: text, csv or json")
           ->check(CLI::IsMember({"text", "csv", "json"}));
       app.add_option("--max", o.sweep_max, "evaluate at most N combinations (default 10000)")
           ->type_name("N")
           ->check(CLI::Range(int64_t{1}, int64_t{100'000'000}));
       add_jobs(app, o);
     },
     smr::cli::run_sweep},
    {"report", "Write one self-contained HTML report for reviewers.",
     [](CLI::App& app, Options& o) {
       add_files(app, o);
       app.add_option("-o,--output", o.output, "the HTML file to write")->required();
       app.add_option("--scenario", o.scenarios, "report only this scenario (repeatable)")
           ->allow_extra_args(false);
       add_versions(app, o, false);
       app.add_option("--intended", o.intended,
                      "with --base/--head: the intended-change manifest to check")
           ->type_name("FILE");
       add_jobs(app, o);
     },
     smr::cli::run_report},
    {"fmt", "Rewrite .smr files in the canonical layout.",
     [](CLI::App& app, Options& o) {
       app.add_option("FILE", o.files, "the .smr files to format (- : stdin to stdout)")
           ->required();
       app.add_flag("--check", o.check, "change nothing; list the files that would change, exit 1");
       app.add_flag("--diff", o.diff, "change nothing; show the changes as a unified diff, exit 1");
       app.footer(
           "Exit codes: 0 formatted (or nothing to do); 1 --check/--diff found changes; "
           "2 usage or unreadable file.");
     },
     smr::cli::run_fmt},
    {"lsp", "Run the language server on stdin and stdout (for editors).",
     [](CLI::App& app, Options& o) {
       app.footer("Speaks LSP 3.17 (JSON-RPC with Content-Length framing) until 'exit'.");
     },
     smr::cli::run_lsp},
    {"graph", "Write the org-responsibility graph as Graphviz DOT.",
     [](CLI::App& app, Options& o) {
       add_files(app, o);
       app.add_option("--org", o.org, "the org to draw (default: the only one, or the scenario's)");
       app.add_option("--date", o.date,
                      "the date, YYYY-MM-DD (default: today, or the scenario's first breach)");
       app.add_option("--scenario", o.scenario,
                      "draw what this scenario did: outcomes, accountable people, paths");
       app.add_option("--focus", o.focus,
                      "with --scenario: only people within N reporting or delegation steps of "
                      "its paths")
           ->type_name("N")
           ->check(CLI::Range(0, 1'000'000));
     },
     smr::cli::run_graph},
};

bool known_command(std::string_view name) {
  for (const Command& c : kCommands) {
    if (name == c.name) return true;
  }
  return false;
}

// `smr chek`: a usage error naming the closest command and all of them.
int unknown_command(std::string_view name) {
  smr::Spelling hint(name);
  std::string all;
  for (const Command& c : kCommands) {
    hint.consider(c.name);
    all += (all.empty() ? "" : ", ") + std::string(c.name);
  }
  fmt::print(stderr, "smr: {}\ncommands: {} (smr COMMAND --help for each)\n",
             smr::unknown_name("command", name, hint.best()), all);
  return 2;
}

// Writes a last message to stderr without throwing, even when stderr is
// closed or full.
void report_failure(const std::string& message) {
  std::fputs(message.c_str(), stderr);
  std::fflush(stderr);
}

// Runs `fn` on a thread with a stack large enough for the deepest nesting the
// grammar allows, in every build type (sanitizers need several times more).
int run_with_large_stack(std::function<int()> fn) {
  constexpr size_t kStackBytes = size_t{256} << 20;
  struct Job {
    std::function<int()> fn;
    int result = 1;
  } job{std::move(fn)};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, kStackBytes);
  pthread_t thread;
  auto body = [](void* p) -> void* {
    auto* j = static_cast<Job*>(p);
    j->result = j->fn();
    return nullptr;
  };
  if (pthread_create(&thread, &attr, body, &job) != 0) return job.fn();
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
  return job.result;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef SMR_WITH_MIMALLOC
  // Large models touch hundreds of MB once: 2 MiB pages (transparent huge
  // pages) cut the page faults that were a quarter of `smr check`'s time.
  mi_option_enable(mi_option_large_os_pages);
#endif
  smr::enable_input_mapping();  // large inputs are mapped (FileText)
  CLI::App app{
      "smr: a senior-manager accountability rules engine.\n"
      "Write a regime in .smr, check it, evaluate breach scenarios, and test them."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "smr 0.1.0");
  Options options;
  const Command* chosen = nullptr;
  for (const Command& c : kCommands) {
    CLI::App* sub = app.add_subcommand(c.name, c.help);
    c.setup(*sub, options);
    sub->callback([&chosen, &c] { chosen = &c; });
  }
  if (argc > 1 && argv[1][0] != '-' && !known_command(argv[1])) return unknown_command(argv[1]);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  if (!chosen) return 2;
  int code = run_with_large_stack([&] {
    try {
      return chosen->run(options);
    } catch (const std::bad_alloc&) {
      report_failure("smr: out of memory\n");
      return 1;
    } catch (const std::system_error& e) {
      // fmt reports a failed write (a full disk, a closed stderr) this way.
      report_failure(std::string("smr: ") + e.what() + "\n");
      return 2;
    } catch (const std::exception& e) {
      report_failure(std::string("smr: internal error: ") + e.what() + "\n");
      return 1;
    }
  });
  // A failed write must not look like success: the output is incomplete.
  int write_errno = smr::cli::output_errno();
  if (std::fflush(stdout) != 0 && write_errno == 0) write_errno = errno;
  if (write_errno != 0 || std::ferror(stdout)) {
    report_failure(std::string("smr: cannot write the output: ") +
                   std::strerror(write_errno ? write_errno : EIO) + "\n");
    return 2;
  }
  return std::ferror(stderr) ? 2 : code;
}
