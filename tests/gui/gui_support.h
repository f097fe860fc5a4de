// GUI test support: the Synapse harness's state.json, a second clinician's core Session
// (another person posting from another device), the harness's stop/start, raw Client-Server
// API calls for set-ups the Session has no call for, and where the screenshots go. QtTest
// only (no Catch2 here).
#pragma once

#include <optional>

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QString>
#include <QWidget>

class QChartView;
#include <memory>

#include "bridge/core_bridge.h"
#include "session/session.h"

class QProcess;

namespace renkei::guitest {

/// The homeserver of the "synapse" fixture (RENKEI_HOMESERVER_DIR/state.json, or the file
/// named by $RENKEI_HOMESERVER_STATE).
struct Homeserver {
    QString base_url;
    bool external = false;
    QJsonObject state;

    static const Homeserver& get();  ///< QFAILs (via qFatal) when the state file is missing
    /// The second homeserver (fixture "synapse_short_tokens": access tokens live 3 s), for
    /// tests that need another server; qFatal when its state file is missing.
    static const Homeserver& second();
    /// Registers a new user "<prefix>-<random hex>" through the harness (so a test starts
    /// with an account that has no rooms from earlier runs) and returns its name.
    /// Empty on failure.
    static QString registerFreshUser(const QString& prefix);
    /// The same on the second homeserver, through its admin API (the harness would restart
    /// it unless given the fixture's exact options). The password is kept in memory only.
    static QString registerFreshUserOnSecond(const QString& prefix);
    QString userId(const QString& name) const;
    QString password(const QString& name) const;
    /// Stops / starts the server through the harness (data kept). False for an external one.
    bool stop() const;
    bool start() const;
};

/// A core Session for another user on its own temporary directory with random raw keys.
class OtherClient {
public:
    explicit OtherClient(const QString& user_name);
    ~OtherClient();
    session::Session& operator*() { return *session_; }
    session::Session* operator->() { return session_.get(); }
    bool ok() const { return session_ != nullptr && session_->loggedIn(); }

private:
    QString dir_;
    std::unique_ptr<session::Session> session_;
};

/// CLOCK_MONOTONIC in ms: the same clock in a test and the child processes it starts.
qint64 monotonicMs();
/// Reads `child`'s stdout until a line "<word> <ms>" (a child's monotonicMs() stamp) and
/// returns the stamp; nullopt when the child ended or printed something else, or after
/// `timeout_ms`.
std::optional<qint64> childStamp(QProcess& child, const QByteArray& word, int timeout_ms);
/// Sends SIGKILL to `child` at monotonicMs() `at_ms` (at once when past), having checked that
/// it was still running until then; true when it ended by that kill.
bool killChildAt(QProcess& child, qint64 at_ms);

/// Prepares the QApplication for tests: settings in test mode, Japanese translations and
/// the CJK font fallback, as main() does.
void setUpApplication();

/// Saves `widget->grab()` as <build>/screenshots/<name>.png; returns the path (empty on failure).
QString saveScreenshot(QWidget* widget, const QString& name);

/// Types `text` as an input method does: a preedit (composition) string, then the commit
/// string. QTest::keyClicks cannot type kana; this is how Japanese reaches a widget.
void commitText(QWidget* widget, const QString& text);
/// The line edit under `parent` with that accessible name, emptied (it may be prefilled).
QLineEdit* fieldNamed(QWidget* parent, const QString& accessible_name);
/// The visible push button under `parent` with that text.
QPushButton* buttonNamed(QWidget* parent, const QString& text);

/// Clicks marker `index` of the last point series (QScatterSeries) of the chart in `view`, as
/// the mouse would; false when there is no such marker.
bool clickChartPoint(QChartView* view, int index);

/// "<prefix>-<random base-36>": a name no earlier run used.
QString unique(const QString& prefix);
/// Row of the timeline post with exactly this body (newest first), or -1.
int rowWithBody(const QAbstractItemModel& model, const QString& body);
/// How many timeline rows carry exactly this body (a duplicate echo shows as 2).
int countBodies(const QAbstractItemModel& model, const QString& body);
/// The send state (Sending, Sent, Failed) of a timeline row.
renkei::ui::SendState sendState(const QAbstractItemModel& model, int row);

/// Shows the tool tip at `pos` (viewport coordinates) of `view` as a hover would; returns
/// its text (empty when none is shown).
QString hoverToolTip(QAbstractItemView* view, const QPoint& pos);

/// Types `text` into `widget` key by key with QTest key events. QTest::keyClicks sends
/// Latin-1 only (other characters become empty key events), so this sends each other
/// character as a key event carrying its text, the way a keyboard layout would.
void keyClicksText(QWidget* widget, const QString& text);

/// Makes `bridge` create key files with store::KdfLimits::minimumForTests() (Argon2id in
/// milliseconds instead of ~1 s and 256 MiB per unlock). Every GUI test calls this on the
/// bridges it signs in with, except the one that checks the product's default.
void useTestKdf(ui::CoreBridge& bridge);

/// Opens `bridge`'s local data with `passphrase` (first use sets it) and, if no login is
/// stored and `user_name` is given, signs in as that user of `hs` (default: the "synapse"
/// fixture). Waits with deadlines.
bool openAndSignIn(ui::CoreBridge& bridge, const QString& passphrase, const QString& user_name = {},
                   const Homeserver* hs = nullptr);

/// A fresh user "<prefix>-…" (Homeserver::registerFreshUser) signed in on `bridge` (test KDF,
/// local data opened with `passphrase`) who keeps `profile` as their profession and office:
/// the user's name, empty on any failure.
QString signInFreshMember(ui::CoreBridge& bridge, const QString& prefix, const QString& passphrase,
                          const care::MemberProfile& profile);

/// The answer of a raw Client-Server API call.
struct RawResponse {
    long status = 0;  ///< HTTP status; 0 when no answer came
    QJsonObject body;
};
/// One request to the fixture's homeserver without Renkei's client in between: as harness
/// user `user_name` (logged in with its password for this call), or as the harness's admin
/// when `user_name` is empty. `path` starts with "/_matrix/" or "/_synapse/"; room and user
/// ids in it must be percent-encoded (see pathPart).
RawResponse rawCall(const QString& user_name, const QByteArray& method, const QString& path,
                    const QJsonObject& body = {});
/// The same on another homeserver of the tests (e.g. Homeserver::second()).
RawResponse rawCall(const Homeserver& hs, const QString& user_name, const QByteArray& method,
                    const QString& path, const QJsonObject& body = {});
/// One request to `hs` with an explicit access token (empty: none), for tests that act with
/// a token of their own. The token is only sent, never logged.
RawResponse rawCallWithToken(const Homeserver& hs, const QByteArray& method, const QString& path,
                             const QString& token, const QJsonObject& body = {});
/// The display name the homeserver's profile of `user_id` has (GET .../profile/{userId}/displayname),
/// or empty.
QString profileDisplayName(const QString& user_id);
/// A percent-encoded path segment ("!abc:localhost" -> "%21abc%3Alocalhost").
QString pathPart(const QString& segment);

}  // namespace renkei::guitest
