// Stands in front of the real Spirit header for engine/ and cli/: the
// parser is private to dsl/, and including Spirit elsewhere fails the build.
#error "Spirit X3 is private to dsl/: use dsl/front_end.h or engine/compile.h"
