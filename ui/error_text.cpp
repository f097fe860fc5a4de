#include "error_text.h"

#include <QCoreApplication>

namespace renkei::ui {
namespace {

// The texts, marked for lupdate (context "ErrorText"); translated when returned.
// Japanese is the source language; translations/renkei_en.ts carries the English.
const char* const kUnreachable = QT_TRANSLATE_NOOP(
    "ErrorText", "サーバーに接続できません。ネットワークとサーバーのアドレスを確認してください。");
const char* const kNotMatrix = QT_TRANSLATE_NOOP(
    "ErrorText", "このアドレスは連携サーバーではありません。アドレスを確認してください。");
const char* const kBadAddress = QT_TRANSLATE_NOOP(
    "ErrorText", "サーバーのアドレスの形式が正しくありません。例: renkei.example.jp");
const char* const kTls = QT_TRANSLATE_NOOP(
    "ErrorText", "サーバーの証明書を確認できません。安全に接続できないため中止しました。"
                 "管理者に連絡してください。");
const char* const kWrongPassword =
    QT_TRANSLATE_NOOP("ErrorText", "ユーザー名またはパスワードが違います。");
const char* const kWrongPassphrase = QT_TRANSLATE_NOOP("ErrorText", "パスフレーズが違います。");
const char* const kDeactivated = QT_TRANSLATE_NOOP(
    "ErrorText", "このアカウントは使えなくなっています。管理者に連絡してください。");
const char* const kTokenExpired = QT_TRANSLATE_NOOP(
    "ErrorText", "サインインの有効期限が切れました。もう一度サインインしてください。");
const char* const kNotSignedIn =
    QT_TRANSLATE_NOOP("ErrorText", "サインインしていません。サインインしてください。");
const char* const kForbidden = QT_TRANSLATE_NOOP(
    "ErrorText", "この操作をする権限がありません。ルームの管理者に確認してください。");
const char* const kBusy = QT_TRANSLATE_NOOP(
    "ErrorText", "サーバーが混み合っています。しばらく待ってから、もう一度お試しください。");
const char* const kTooLarge = QT_TRANSLATE_NOOP(
    "ErrorText", "内容が大きすぎて送れません。短くするか、分けて送ってください。");
const char* const kServerTrouble = QT_TRANSLATE_NOOP(
    "ErrorText", "サーバーで問題が起きています。しばらくしてから、もう一度お試しください。");
const char* const kRefused = QT_TRANSLATE_NOOP(
    "ErrorText", "サーバーが要求を受け付けませんでした。問題が続く場合は管理者に連絡してください。");
const char* const kUnreadable = QT_TRANSLATE_NOOP(
    "ErrorText", "サーバーの応答を読み取れませんでした。しばらくしてから、もう一度お試しください。");
const char* const kCancelled = QT_TRANSLATE_NOOP("ErrorText", "操作を取り消しました。");
const char* const kDiskFull = QT_TRANSLATE_NOOP(
    "ErrorText", "ディスクの空き容量が足りません。不要なファイルを削除してから、もう一度お試しください。");
const char* const kReadOnly = QT_TRANSLATE_NOOP(
    "ErrorText", "データを保存できません（書き込みが禁止されています）。管理者に連絡してください。");
const char* const kStorage = QT_TRANSLATE_NOOP(
    "ErrorText", "端末内のデータを読み書きできません。アプリを再起動し、直らなければ管理者に連絡してください。");
const char* const kInvalid = QT_TRANSLATE_NOOP(
    "ErrorText", "入力内容が正しくありません。確認してから、もう一度お試しください。");
const char* const kOtherAccount = QT_TRANSLATE_NOOP(
    "ErrorText", "開いているデータは別のアカウントのものです。サインアウトしてから、このアカウントで"
                 "サインインしてください（アカウントごとに別々のデータになります）。");

QString tx(const char* text) { return QCoreApplication::translate("ErrorText", text); }

bool contains(const std::string& haystack, const char* needle) {
    return haystack.find(needle) != std::string::npos;
}

const char* storageText(const Error& e) {
    if (e.errcode == "SQLITE_FULL" || contains(e.message, "disk is full") ||
        contains(e.message, "No space")) {
        return kDiskFull;
    }
    if (e.errcode == "SQLITE_READONLY" || contains(e.message, "read-only") ||
        contains(e.message, "ermission denied")) {
        return kReadOnly;
    }
    return kStorage;
}

const char* matrixText(const Error& e, ErrorContext context) {
    // Synapse answers a wrong password (and an unknown user) with 403 M_FORBIDDEN.
    if (context == ErrorContext::SignIn &&
        (e.errcode == "M_FORBIDDEN" || e.errcode == "M_INVALID_USERNAME")) {
        return kWrongPassword;
    }
    if (e.errcode == "M_USER_DEACTIVATED") return kDeactivated;
    if (e.errcode == "M_UNKNOWN_TOKEN" || e.errcode == "M_MISSING_TOKEN") return kTokenExpired;
    if (e.errcode == "M_FORBIDDEN") return kForbidden;
    if (e.errcode == "M_LIMIT_EXCEEDED") return kBusy;
    if (e.errcode == "M_TOO_LARGE") return kTooLarge;
    if (e.http_status >= 500) return kServerTrouble;
    return kRefused;
}

const char* textFor(const Error& e, ErrorContext context) {
    const bool sign_in = context == ErrorContext::SignIn;
    switch (e.kind) {
        case ErrorKind::Network:
        case ErrorKind::Timeout: return kUnreachable;
        case ErrorKind::Cancelled: return kCancelled;
        case ErrorKind::Tls: return kTls;
        // A web server that is not a homeserver answers the login URL with 404 and HTML.
        case ErrorKind::Http: return sign_in && e.http_status < 500 ? kNotMatrix : kServerTrouble;
        case ErrorKind::Matrix: return matrixText(e, context);
        case ErrorKind::RateLimited: return kBusy;
        case ErrorKind::Parse: return sign_in ? kNotMatrix : kUnreadable;
        case ErrorKind::TooLarge: return kUnreadable;  // an answer over the size cap
        case ErrorKind::Storage: return storageText(e);
        case ErrorKind::WrongPassphrase: return kWrongPassphrase;
        case ErrorKind::NotLoggedIn: return kNotSignedIn;
        case ErrorKind::InvalidArgument: return sign_in ? kBadAddress : kInvalid;
        case ErrorKind::AccountMismatch: return kOtherAccount;
    }
    return kRefused;
}

}  // namespace

QString errorText(const Error& error, ErrorContext context) { return tx(textFor(error, context)); }

}  // namespace renkei::ui
