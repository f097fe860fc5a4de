#include "security/lock_screen.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDBusConnection>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

#include "bridge/core_bridge.h"

namespace renkei::ui {
namespace {

constexpr qint64 kFirstWaitMs = 5'000;
constexpr qint64 kLongestWaitMs = 60'000;

bool isUserInput(QEvent::Type type) {
    switch (type) {
        case QEvent::KeyPress:
        case QEvent::MouseButtonPress:
        case QEvent::MouseMove:
        case QEvent::Wheel:
        case QEvent::TouchBegin:
        case QEvent::InputMethod: return true;
        default: return false;
    }
}

}  // namespace

LockScreen::LockScreen(CoreBridge& bridge, QWidget& window) : QWidget(&window), bridge_(bridge), window_(window) {
    setObjectName(QStringLiteral("lockScreen"));
    setAutoFillBackground(true);
    QPalette plain = palette();
    plain.setColor(QPalette::Window, QColor(0x2b, 0x33, 0x3d));
    plain.setColor(QPalette::WindowText, Qt::white);
    setPalette(plain);
    title_ = new QLabel(tr("画面はロックされています"));
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    title_->setFont(big);
    auto* hint = new QLabel(tr("続けるにはパスフレーズを入力してください。受信と送信は続いています。"));
    hint->setWordWrap(true);
    passphrase_ = new QLineEdit;
    passphrase_->setEchoMode(QLineEdit::Password);
    passphrase_->setAccessibleName(tr("パスフレーズ"));
    passphrase_->setMinimumWidth(280);
    unlock_ = new QPushButton(tr("ロックを解除"));
    unlock_->setDefault(true);
    message_ = new QLabel;
    message_->setTextFormat(Qt::PlainText);
    message_->setWordWrap(true);
    auto* column = new QVBoxLayout;
    column->addWidget(title_);
    column->addWidget(hint);
    column->addWidget(passphrase_);
    column->addWidget(unlock_, 0, Qt::AlignLeft);
    column->addWidget(message_);
    auto* box = new QWidget;
    box->setLayout(column);
    box->setFixedWidth(440);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);  // the form at a third of the height
    layout->addWidget(box, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    connect(unlock_, &QPushButton::clicked, this, &LockScreen::submit);
    connect(passphrase_, &QLineEdit::returnPressed, this, &LockScreen::submit);
    connect(&bridge_, &CoreBridge::passphraseChecked, this, &LockScreen::checked);
    idle_ = new QTimer(this);
    idle_->setSingleShot(true);
    connect(idle_, &QTimer::timeout, this, &LockScreen::lock);
    wait_ = new QTimer(this);
    wait_->setInterval(500);
    connect(wait_, &QTimer::timeout, this, &LockScreen::refreshWait);
    hide();
    qApp->installEventFilter(this);
    setIdleMs(idle_ms_);
    watchSessionLock();
}

LockScreen::~LockScreen() { qApp->removeEventFilter(this); }

void LockScreen::setIdleMs(qint64 ms) {
    idle_ms_ = std::max<qint64>(0, ms);
    idle_->stop();
    if (idle_ms_ > 0 && !locked_) idle_->start(static_cast<int>(std::min<qint64>(idle_ms_, INT_MAX)));
}

QString LockScreen::messageText() const { return message_->text(); }

bool LockScreen::eventFilter(QObject* watched, QEvent* event) {
    if (watched == &window_ && event->type() == QEvent::Resize && locked_) setGeometry(window_.rect());
    if (!locked_ && idle_ms_ > 0 && isUserInput(event->type())) idle_->start(static_cast<int>(std::min<qint64>(idle_ms_, INT_MAX)));
    return QObject::eventFilter(watched, event);
}

void LockScreen::lock() {
    if (locked_) return;
    locked_ = true;
    idle_->stop();
    // Other windows of the main window (dialogs, viewers, the export) go out of sight.
    for (QWidget* w : window_.findChildren<QWidget*>()) {
        if (w->isWindow() && w->isVisible()) {
            hidden_windows_.append(w);
            w->hide();
        }
    }
    // No shortcut may reach a room while locked.
    for (QAction* a : window_.findChildren<QAction*>()) {
        if (a->isEnabled()) {
            disabled_actions_.append(a);
            a->setEnabled(false);
        }
    }
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (!clipboard_text_.isEmpty() && clipboard->text() == clipboard_text_) clipboard->clear();
    clipboard_text_.clear();
    saved_title_ = window_.windowTitle();
    window_.setWindowTitle(tr("Renkei（ロック中）"));
    setGeometry(window_.rect());
    show();
    raise();
    layout()->activate();  // laid out now: the first paint shows the form where it belongs
    passphrase_->clear();
    passphrase_->setFocus();
    refreshWait();
    emit lockedChanged(true);
}

void LockScreen::submit() {
    if (!locked_ || checking_ || passphrase_->text().isEmpty() || wait_->isActive()) return;
    checking_ = true;
    unlock_->setEnabled(false);
    passphrase_->setEnabled(false);
    message_->setText(tr("確認しています…"));
    bridge_.checkPassphrase(passphrase_->text());
}

void LockScreen::checked(bool ok, const QString& error_text) {
    if (!checking_) return;
    checking_ = false;
    passphrase_->setEnabled(true);
    passphrase_->clear();
    if (ok) return unlockNow();
    ++failures_;
    message_->setText(error_text);
    if (failures_ >= kFreeTries) {
        wait_ms_ = std::min(kLongestWaitMs, kFirstWaitMs << std::min(failures_ - kFreeTries, 4));
        waiting_since_.start();
        wait_->start();
    }
    refreshWait();
    passphrase_->setFocus();
}

void LockScreen::refreshWait() {
    if (!wait_->isActive()) {
        unlock_->setEnabled(!checking_);
        return;
    }
    const qint64 left = wait_ms_ - waiting_since_.elapsed();
    if (left <= 0) {
        wait_->stop();
        unlock_->setEnabled(!checking_);
        message_->setText(tr("もう一度入力できます。"));
        return;
    }
    unlock_->setEnabled(false);
    message_->setText(tr("パスフレーズが %1 回続けて違いました。あと %2 秒お待ちください。")
                          .arg(failures_)
                          .arg((left + 999) / 1000));
}

void LockScreen::unlockNow() {
    locked_ = false;
    failures_ = 0;
    message_->clear();
    hide();
    for (const auto& a : std::as_const(disabled_actions_)) {
        if (a) a->setEnabled(true);
    }
    disabled_actions_.clear();
    window_.setWindowTitle(saved_title_);
    for (const auto& w : std::as_const(hidden_windows_)) {
        if (w) w->show();
    }
    hidden_windows_.clear();
    setIdleMs(idle_ms_);
    emit lockedChanged(false);
}

void LockScreen::watchSessionLock() {
    // logind: the session this process belongs to is asked to lock (loginctl lock-session).
    QDBusConnection::systemBus().connect(QString(), QStringLiteral("/org/freedesktop/login1/session/auto"),
                                         QStringLiteral("org.freedesktop.login1.Session"), QStringLiteral("Lock"),
                                         this, SLOT(lock()));
    // The desktop's screensaver came on (GNOME, KDE and others speak this interface).
    QDBusConnection::sessionBus().connect(QString(), QStringLiteral("/org/freedesktop/ScreenSaver"),
                                          QStringLiteral("org.freedesktop.ScreenSaver"),
                                          QStringLiteral("ActiveChanged"), this, SLOT(onScreenSaver(bool)));
}

}  // namespace renkei::ui
