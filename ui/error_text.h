// Renkei desktop: core errors as plain-language text for clinicians (the only place that
// translates an Error). Each text says what happened and what to do next.
#pragma once

#include <QString>

#include "common/error.h"

namespace renkei::ui {

/// Where the error came from, when that changes its meaning (M_FORBIDDEN on login is a
/// wrong password; elsewhere it is a missing permission).
enum class ErrorContext {
    General,  ///< any call on a signed-in session (send, sync, join, ...)
    SignIn,   ///< Session::login (server discovery and password login)
    Unlock,   ///< Session::open with a passphrase (key file and local databases)
};

/// Translated (context "ErrorText"), plain Japanese by default, one or two sentences.
QString errorText(const renkei::Error& error, ErrorContext context = ErrorContext::General);

}  // namespace renkei::ui
