// libFuzzer entry point; the body is in eval_target.cc so that the test
// suite can replay saved inputs through it.
#include "tests/fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return smr::fuzz::eval_one(data, size);
}
