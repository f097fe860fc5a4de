#include "gui_support.h"

#include <csignal>
#include <chrono>
#include <sys/types.h>

#include <QPushButton>

#include <QLineEdit>

#include <QHelpEvent>
#include <QInputMethodEvent>

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPixmap>
#include <QProcess>
#include <QRandomGenerator>
#include <QScatterSeries>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QUrl>

#include "app_settings.h"
#include "http/curl_transport.h"
#include "timeline/timeline_model.h"
#include "store/keys.h"

namespace renkei::guitest {

static Homeserver loadStateFrom(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read the homeserver state file");
    Homeserver h;
    h.state = QJsonDocument::fromJson(file.readAll()).object();
    h.base_url = h.state.value(QStringLiteral("base_url")).toString();
    h.external = h.state.value(QStringLiteral("external")).toBool();
    return h;
}

static Homeserver loadState() {
    const QByteArray override_path = qgetenv("RENKEI_HOMESERVER_STATE");
    return loadStateFrom(!override_path.isEmpty() ? QString::fromLocal8Bit(override_path)
                                                  : QStringLiteral(RENKEI_HOMESERVER_DIR "/state.json"));
}

static Homeserver& cachedSecond() {
    static Homeserver hs = loadStateFrom(QStringLiteral(RENKEI_HOMESERVER_DIR "-short-tokens/state.json"));
    return hs;
}

const Homeserver& Homeserver::second() { return cachedSecond(); }

static Homeserver& cachedState() {
    static Homeserver hs = loadState();
    return hs;
}

const Homeserver& Homeserver::get() {
    return cachedState();
}

QString Homeserver::userId(const QString& name) const {
    return state[QStringLiteral("users")][name][QStringLiteral("user_id")].toString();
}

QString Homeserver::password(const QString& name) const {
    return state[QStringLiteral("users")][name][QStringLiteral("password")].toString();
}

static bool harness(const QString& verb, const QStringList& extra = {}) {
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.start(QStringLiteral(RENKEI_PYTHON),
                  QStringList{QStringLiteral(RENKEI_HARNESS), verb, QStringLiteral("--dir"),
                              QStringLiteral(RENKEI_HOMESERVER_DIR)} + extra);
    // The harness waits for the server itself (up to 90 s to start, 30 s to stop).
    return process.waitForFinished(180000) && process.exitStatus() == QProcess::NormalExit &&
           process.exitCode() == 0;
}

QString Homeserver::registerFreshUser(const QString& prefix) {
    const QString name = prefix + QStringLiteral("-") +
                         QString::number(QRandomGenerator::global()->generate64(), 16);
    if (!harness(QStringLiteral("start"), {QStringLiteral("--users"), name})) return {};
    cachedState() = loadState();  // the harness added the user to state.json
    return get().userId(name).isEmpty() ? QString() : name;
}

QString Homeserver::registerFreshUserOnSecond(const QString& prefix) {
    Homeserver& hs = cachedSecond();
    const QString name = prefix + QStringLiteral("-") +
                         QString::number(QRandomGenerator::global()->generate64(), 16);
    const QString server = hs.state.value(QStringLiteral("server_name")).toString();
    const QString user_id = QStringLiteral("@%1:%2").arg(name, server);
    QByteArray secret(24, Qt::Uninitialized);
    QRandomGenerator::global()->generate(secret.begin(), secret.end());
    const QString password = QString::fromLatin1(secret.toBase64(QByteArray::Base64UrlEncoding));
    const QString admin = hs.state[QStringLiteral("admin")][QStringLiteral("access_token")].toString();
    const RawResponse created = rawCallWithToken(hs, "PUT", QStringLiteral("/_synapse/admin/v2/users/") + pathPart(user_id),
                                                 admin, {{QStringLiteral("password"), password}});
    if (created.status != 201 && created.status != 200) return {};
    QJsonObject users = hs.state.value(QStringLiteral("users")).toObject();
    users.insert(name, QJsonObject{{QStringLiteral("user_id"), user_id}, {QStringLiteral("password"), password}});
    hs.state.insert(QStringLiteral("users"), users);
    return name;
}

bool Homeserver::stop() const { return !external && harness(QStringLiteral("stop")); }
bool Homeserver::start() const { return !external && harness(QStringLiteral("start")); }

OtherClient::OtherClient(const QString& user_name) {
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/renkei-gui-other-XXXXXX"));
    dir.setAutoRemove(false);
    dir_ = dir.path();
    store::AccountKeys keys{};
    QRandomGenerator::global()->generate(keys.vault.begin(), keys.vault.end());
    QRandomGenerator::global()->generate(keys.cache.begin(), keys.cache.end());
    store::RawKeyProvider provider(keys);
    store::wipe(keys);
    session::SessionConfig config;
    config.data_dir = dir_.toStdString();
    auto opened = session::Session::open(std::move(config), provider);
    if (!opened) return;
    session_ = std::move(*opened);
    const auto& hs = Homeserver::get();
    auto login = session_->login(hs.base_url.toStdString(), user_name.toStdString(),
                                 hs.password(user_name).toStdString());
    if (!login) qWarning("login as %s failed: %s", qPrintable(user_name), login.error().describe().c_str());
}

OtherClient::~OtherClient() {
    session_.reset();
    if (!dir_.isEmpty()) QDir(dir_).removeRecursively();
}

void setUpApplication() {
    QStandardPaths::setTestModeEnabled(true);  // QSettings and data dirs under ~/.qttest
    QCoreApplication::setOrganizationName(QStringLiteral("Renkei-test"));
    QCoreApplication::setApplicationName(QStringLiteral("Renkei-test"));
    QSettings().clear();  // no remembered server, user or window layout from an earlier run
    ui::installTranslations(QStringLiteral("ja"));
    if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance())) ui::applyAppFont(*app, 0);
}

QString hoverToolTip(QAbstractItemView* view, const QPoint& pos) {
    QToolTip::hideText();
    QHelpEvent event(QEvent::ToolTip, pos, view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view->viewport(), &event);
    return QToolTip::text();
}

QString saveScreenshot(QWidget* widget, const QString& name) {
    QDir().mkpath(QStringLiteral(RENKEI_SCREENSHOT_DIR));
    const QString path = QStringLiteral(RENKEI_SCREENSHOT_DIR "/%1.png").arg(name);
    // Pending layout requests (e.g. a status text that just got longer) first: grab() paints
    // the widgets as they are laid out now.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    return widget->grab().save(path) ? path : QString();
}

void commitText(QWidget* widget, const QString& text) {
    QInputMethodEvent preedit(text, {});
    QApplication::sendEvent(widget, &preedit);
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QApplication::sendEvent(widget, &commit);
}

QLineEdit* fieldNamed(QWidget* parent, const QString& accessible_name) {
    for (auto* edit : parent->findChildren<QLineEdit*>()) {
        if (edit->accessibleName() == accessible_name) {
            edit->clear();
            return edit;
        }
    }
    return nullptr;
}

QPushButton* buttonNamed(QWidget* parent, const QString& text) {
    for (auto* button : parent->findChildren<QPushButton*>()) {
        if (button->text() == text && button->isVisible()) return button;
    }
    return nullptr;
}

bool clickChartPoint(QChartView* view, int index) {
    QScatterSeries* dots = nullptr;
    for (QAbstractSeries* s : view->chart()->series()) {
        if (auto* d = qobject_cast<QScatterSeries*>(s)) dots = d;
    }
    if (dots == nullptr || index < 0 || index >= dots->count()) return false;
    const QPointF at = view->chart()->mapToPosition(dots->at(index), dots);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(view->chart()->mapToScene(at)));
    return true;
}

QString unique(const QString& prefix) {
    return prefix + QStringLiteral("-") + QString::number(QRandomGenerator::global()->generate64(), 36);
}

int rowWithBody(const QAbstractItemModel& model, const QString& body) {
    for (int row = model.rowCount() - 1; row >= 0; --row) {
        if (model.index(row, 0).data(ui::TimelineModel::BodyRole).toString() == body) return row;
    }
    return -1;
}

int countBodies(const QAbstractItemModel& model, const QString& body) {
    int n = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        n += model.index(row, 0).data(ui::TimelineModel::BodyRole).toString() == body ? 1 : 0;
    }
    return n;
}

ui::SendState sendState(const QAbstractItemModel& model, int row) {
    return model.index(row, 0).data(ui::TimelineModel::SendStateRole).value<ui::SendState>();
}

void keyClicksText(QWidget* widget, const QString& text) {
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80) {
            QTest::keyClicks(widget, QString(ch));
        } else {
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(ch), Qt::NoModifier);
        }
    }
}

void useTestKdf(ui::CoreBridge& bridge) { bridge.setNewKeyFileLimits(store::KdfLimits::minimumForTests()); }

bool openAndSignIn(ui::CoreBridge& bridge, const QString& passphrase, const QString& user_name,
                   const Homeserver* server) {
    QSignalSpy unlocked(&bridge, &ui::CoreBridge::unlockFinished);
    bridge.unlock(passphrase);
    if (!unlocked.wait(60000) || !unlocked.at(0).at(0).toBool()) return false;
    if (bridge.isSignedIn() || user_name.isEmpty()) return true;
    const auto& hs = server != nullptr ? *server : Homeserver::get();
    QSignalSpy signed_in(&bridge, &ui::CoreBridge::signInFinished);
    bridge.signIn(hs.base_url, user_name, hs.password(user_name));
    return signed_in.wait(60000) && signed_in.at(0).at(0).toBool();
}

QString signInFreshMember(ui::CoreBridge& bridge, const QString& prefix, const QString& passphrase,
                          const care::MemberProfile& profile) {
    const QString user = Homeserver::registerFreshUser(prefix);
    if (user.isEmpty()) return {};
    useTestKdf(bridge);
    if (!openAndSignIn(bridge, passphrase, user) || bridge.session() == nullptr) return {};
    return bridge.session()->setOwnProfile(profile).ok() ? user : QString();
}

QString pathPart(const QString& segment) { return QString::fromLatin1(QUrl::toPercentEncoding(segment)); }

static RawResponse perform(http::Transport& transport, const std::string& method, const std::string& url,
                           const std::string& token, const QJsonObject& body) {
    http::Request request;
    request.method = method;
    request.url = url;
    if (!token.empty()) request.headers.emplace_back("Authorization", "Bearer " + token);
    if (method != "GET" && method != "DELETE") {
        request.headers.emplace_back("Content-Type", "application/json");
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString();
    }
    RawResponse out;
    auto response = transport.perform(request, nullptr);
    if (!response) return out;
    out.status = response->status;
    out.body = QJsonDocument::fromJson(QByteArray::fromStdString(response->body)).object();
    return out;
}

RawResponse rawCall(const QString& user_name, const QByteArray& method, const QString& path,
                    const QJsonObject& body) {
    return rawCall(Homeserver::get(), user_name, method, path, body);
}

RawResponse rawCallWithToken(const Homeserver& hs, const QByteArray& method, const QString& path,
                             const QString& token, const QJsonObject& body) {
    http::CurlTransport transport;
    return perform(transport, method.toStdString(), hs.base_url.toStdString() + path.toStdString(),
                   token.toStdString(), body);
}

QString profileDisplayName(const QString& user_id) {
    const RawResponse answer = rawCallWithToken(
        Homeserver::get(), "GET", QStringLiteral("/_matrix/client/v3/profile/%1/displayname").arg(pathPart(user_id)),
        Homeserver::get().state[QStringLiteral("admin")][QStringLiteral("access_token")].toString());
    return answer.status == 200 ? answer.body.value(QStringLiteral("displayname")).toString() : QString();
}

RawResponse rawCall(const Homeserver& hs, const QString& user_name, const QByteArray& method,
                    const QString& path, const QJsonObject& body) {
    const std::string base = hs.base_url.toStdString();
    http::CurlTransport transport;
    std::string token;
    if (user_name.isEmpty()) {
        token = hs.state[QStringLiteral("admin")][QStringLiteral("access_token")].toString().toStdString();
    } else {
        const QJsonObject login{
            {QStringLiteral("type"), QStringLiteral("m.login.password")},
            {QStringLiteral("identifier"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("m.id.user")}, {QStringLiteral("user"), user_name}}},
            {QStringLiteral("password"), hs.password(user_name)},
        };
        const RawResponse answer = perform(transport, "POST", base + "/_matrix/client/v3/login", {}, login);
        token = answer.body.value(QStringLiteral("access_token")).toString().toStdString();
        if (token.empty()) return answer;
    }
    return perform(transport, method.toStdString(), base + path.toStdString(), token, body);
}

qint64 monotonicMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::optional<qint64> childStamp(QProcess& child, const QByteArray& word, int timeout_ms) {
    QByteArray out;
    QDeadlineTimer ready(timeout_ms);
    while (!out.contains('\n') && !ready.hasExpired() && child.state() == QProcess::Running) {
        child.waitForReadyRead(static_cast<int>(qMax<qint64>(1, ready.remainingTime())));
        out += child.readAllStandardOutput();
    }
    const QByteArray prefix = word + ' ';
    if (!out.startsWith(prefix)) {
        qWarning("child exit %d, output: %s", child.exitCode(), out.constData());
        return std::nullopt;
    }
    bool number = false;
    const qint64 stamp = out.mid(prefix.size(), out.indexOf('\n') - prefix.size()).toLongLong(&number);
    return number ? std::optional<qint64>(stamp) : std::nullopt;
}

bool killChildAt(QProcess& child, qint64 at_ms) {
    for (qint64 left = at_ms - monotonicMs(); left > 0; left = at_ms - monotonicMs()) {
        if (child.waitForFinished(static_cast<int>(left))) return false;  // it ended by itself
    }
    if (::kill(static_cast<pid_t>(child.processId()), SIGKILL) != 0) return false;
    return child.waitForFinished(10000) && child.exitStatus() == QProcess::CrashExit;
}

}  // namespace renkei::guitest
