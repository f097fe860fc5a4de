// Renkei core: process-wide protections for a program that holds decrypted posts and keys in
// memory (renkei and renkei-cli call them first thing in main()). POSIX; Qt-free.
#pragma once

#include <optional>
#include <string>

namespace renkei {

/// Turns core dumps off for the whole process, so that a crash never writes decrypted posts,
/// keys or tokens to disk: RLIMIT_CORE 0 (soft and hard, so nothing in the process can raise
/// it again) and, on Linux, PR_SET_DUMPABLE 0 (no core through a core_pattern pipe either;
/// other processes of the same user can no longer ptrace this one or read its
/// /proc/<pid>/mem and environ). Both last until exec. Call before any thread starts.
/// Returns false if either call failed (errno tells why); the other one still applies.
bool disableCoreDumps() noexcept;

/// Returns the value of environment variable `name` and removes the variable: it is unset
/// (nothing started later inherits it), and its "NAME=value" bytes are wiped (unsetenv alone
/// leaves them readable in /proc/<pid>/environ). nullopt if unset or empty.
/// Not thread-safe (like setenv): call before other threads start.
std::optional<std::string> takeEnvironmentSecret(const char* name);

}  // namespace renkei
