#include "common/process_hardening.h"

#include <sodium.h>
#include <sys/resource.h>

#include <cstdlib>
#include <cstring>
#include <vector>

#ifdef __linux__
#include <sys/prctl.h>
#endif

extern char** environ;

namespace renkei {

bool disableCoreDumps() noexcept {
    const rlimit none{0, 0};
    bool ok = setrlimit(RLIMIT_CORE, &none) == 0;
#ifdef __linux__
    ok = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && ok;
#endif
    return ok;
}

std::optional<std::string> takeEnvironmentSecret(const char* name) {
    const std::size_t name_length = std::strlen(name);
    std::optional<std::string> value;
    // Every "NAME=value" entry (a block may repeat a name): the first value is kept.
    std::vector<char*> entries;
    for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
        char* text = *entry;
        if (std::strncmp(text, name, name_length) != 0 || text[name_length] != '=') continue;
        entries.push_back(text);
        if (!value && text[name_length + 1] != '\0') value.emplace(text + name_length + 1);
    }
    // Out of environ first, then the bytes: name and value, so no trace is left to read.
    unsetenv(name);
    for (char* text : entries) sodium_memzero(text, std::strlen(text));
    return value;
}

}  // namespace renkei
