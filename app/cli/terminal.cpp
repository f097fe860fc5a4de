#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>

#include "cli.h"
#include "common/process_hardening.h"
#include "matrix/display_text.h"

namespace renkei::cli {
namespace {

// The secrets taken out of the environment at start, by variable name.
std::map<std::string, std::string>& takenSecrets() {
    static std::map<std::string, std::string> secrets;
    return secrets;
}

}  // namespace

void takeSecretsFromEnvironment() {
    for (const char* name : {"RENKEI_PASSWORD", "RENKEI_PASSPHRASE", "RENKEI_NEW_PASSPHRASE"}) {
        if (auto value = takeEnvironmentSecret(name)) takenSecrets()[name] = std::move(*value);
    }
}

std::optional<std::string> Args::get(const std::string& name) const {
    auto it = options.find(name);
    if (it == options.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

std::optional<std::string> readLine(const char* prompt) {
    if (isatty(STDIN_FILENO) == 0) return std::nullopt;
    std::cerr << prompt << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    return line;
}

bool secretInEnvironment(const char* env_name) {
    return takenSecrets().count(env_name) != 0 || std::getenv(env_name) != nullptr;
}

std::optional<std::string> readSecret(const char* env_name, const char* prompt) {
    const auto& taken = takenSecrets();
    if (auto it = taken.find(env_name); it != taken.end()) return it->second;
    if (auto value = takeEnvironmentSecret(env_name)) return value;
    if (isatty(STDIN_FILENO) == 0) return std::nullopt;
    termios old_mode{};
    tcgetattr(STDIN_FILENO, &old_mode);
    termios silent = old_mode;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    std::cerr << prompt << std::flush;
    std::string secret;
    const bool ok = static_cast<bool>(std::getline(std::cin, secret));
    tcsetattr(STDIN_FILENO, TCSANOW, &old_mode);
    std::cerr << '\n';
    if (!ok) return std::nullopt;
    return secret;
}

std::string printable(std::string_view text) { return matrix::escapeForTerminal(text); }

std::string jsonLine(const nlohmann::json& value) {
    return matrix::escapeJsonForTerminal(
        value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

int reportError(const char* what, const Error& error) {
    std::cerr << "renkei-cli: " << what << ": " << printable(error.describe()) << '\n';
    switch (error.kind) {
        case ErrorKind::WrongPassphrase: return kWrongPassphrase;
        case ErrorKind::NotLoggedIn: return kNotLoggedIn;
        case ErrorKind::Network:
        case ErrorKind::Timeout:
        case ErrorKind::Tls:
        case ErrorKind::RateLimited: return kOffline;
        case ErrorKind::Matrix:
        case ErrorKind::Http: return error.http_status >= 500 ? kOffline : kRejected;
        case ErrorKind::Storage: return kStorage;
        case ErrorKind::InvalidArgument: return kUsage;
        default: return kFailure;
    }
}

}  // namespace renkei::cli
