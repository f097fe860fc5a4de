// GUI tests without a server: the sign-in dialog (layout, validation, an unreachable server
// in plain Japanese), the unlock dialog (wrong and right passphrase), the composer's keys
// with Japanese typed through the input method, settings, and the day-separator format.
// Screenshots: sign_in_dialog.png, sign_in_error.png, unlock_dialog.png, settings_dialog.png.
#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "composer.h"
#include "bridge/core_bridge.h"
#include "gui_support.h"
#include "post_delegate.h"
#include "settings_dialog.h"
#include "sign_in_dialog.h"
#include "unlock_dialog.h"

using namespace renkei::ui;
using renkei::guitest::saveScreenshot;
using renkei::guitest::commitText;
using renkei::guitest::fieldNamed;
using renkei::guitest::buttonNamed;

namespace {
/// The control of type T under `parent` with that accessible name, or null.
template <class T>
T* controlNamed(QWidget* parent, const QString& accessible_name) {
    for (auto* control : parent->findChildren<T*>()) {
        if (control->accessibleName() == accessible_name) return control;
    }
    return nullptr;
}

/// Every visible control has an accessible name (labels and containers excepted).
void checkAccessibleNames(QWidget* root) {
    for (auto* w : root->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(root)) continue;
        if (qobject_cast<QLineEdit*>(w) == nullptr && qobject_cast<QPushButton*>(w) == nullptr &&
            qobject_cast<QComboBox*>(w) == nullptr && qobject_cast<QCheckBox*>(w) == nullptr) {
            continue;
        }
        // The line edit inside a spin box or combo box is named through its owner.
        if (qobject_cast<QAbstractSpinBox*>(w->parentWidget()) != nullptr ||
            qobject_cast<QComboBox*>(w->parentWidget()) != nullptr) {
            continue;
        }
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->metaObject()->className()));
    }
}
}  // namespace

class DialogsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { renkei::guitest::setUpApplication(); }

    void daySeparatorIsJapanese() {
        QCOMPARE(PostDelegate::daySeparatorText(QDate(2026, 11, 21)), QStringLiteral("2026年11月21日（土）"));
    }

    void qtsOwnControlsSpeakJapanese() {
        // Standard buttons and text-field context menus come from Qt's qtbase_ja catalogue.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("キャンセル"));
    }

    void signInDialogShowsJapaneseForm() {
        QTemporaryDir dir;
        CoreBridge bridge(dir.path() + QStringLiteral("/data"));
        QVERIFY(!bridge.hasLocalData());
        SignInDialog dialog(bridge);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("連携にサインイン"));
        QVERIFY(fieldNamed(&dialog, QStringLiteral("パスフレーズ"))->isVisible());  // first start
        checkAccessibleNames(&dialog);
        QVERIFY(!saveScreenshot(&dialog, QStringLiteral("sign_in_dialog")).isEmpty());
    }

    void signInValidatesPassphrase() {
        QTemporaryDir dir;
        CoreBridge bridge(dir.path() + QStringLiteral("/data"));
        renkei::guitest::useTestKdf(bridge);
        SignInDialog dialog(bridge, QStringLiteral("renkei.example.jp"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(fieldNamed(&dialog, QStringLiteral("ユーザー名")), QStringLiteral("nurse.sato"));
        QTest::keyClicks(fieldNamed(&dialog, QStringLiteral("パスワード")), QStringLiteral("secret"));
        QTest::keyClicks(fieldNamed(&dialog, QStringLiteral("パスフレーズ")), QStringLiteral("correct horse"));
        QTest::keyClicks(fieldNamed(&dialog, QStringLiteral("パスフレーズ（確認）")), QStringLiteral("correct house"));
        QTest::mouseClick(buttonNamed(&dialog, QStringLiteral("サインイン")), Qt::LeftButton);
        QCOMPARE(dialog.errorText(), QStringLiteral("2つのパスフレーズが一致しません。同じパスフレーズを2回入力してください。"));
        QVERIFY(!bridge.hasLocalData());  // nothing was created
    }

    void signInUnreachableServerSaysWhatToDo() {
        QTemporaryDir dir;
        const QString data = dir.path() + QStringLiteral("/data");
        {
            CoreBridge bridge(data);
            renkei::guitest::useTestKdf(bridge);
            SignInDialog dialog(bridge, QStringLiteral("http://127.0.0.1:9"));
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QTest::keyClicks(fieldNamed(&dialog, QStringLiteral("ユーザー名")), QStringLiteral("nurse.sato"));
            QTest::keyClicks(fieldNamed(&dialog, QStringLiteral("パスワード")), QStringLiteral("secret"));
            QTest::keyClicks(fieldNamed(&dialog, QStringLiteral("パスフレーズ")), QStringLiteral("correct horse"));
            QTest::keyClicks(fieldNamed(&dialog, QStringLiteral("パスフレーズ（確認）")), QStringLiteral("correct horse"));
            QTest::mouseClick(buttonNamed(&dialog, QStringLiteral("サインイン")), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty(), 60000);
            QCOMPARE(dialog.errorText(),
                     QStringLiteral("サーバーに接続できません。ネットワークとサーバーのアドレスを確認してください。"));
            QVERIFY(dialog.isVisible());
            QVERIFY(!saveScreenshot(&dialog, QStringLiteral("sign_in_error")).isEmpty());
        }
        // The passphrase was set: a later start asks for it.
        CoreBridge bridge(data);
        QVERIFY(bridge.hasLocalData());
        UnlockDialog unlock(bridge);
        unlock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&unlock));
        QLineEdit* passphrase = fieldNamed(&unlock, QStringLiteral("パスフレーズ"));
        QTest::keyClicks(passphrase, QStringLiteral("wrong horse"));
        QTest::keyClick(passphrase, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!unlock.errorText().isEmpty(), 60000);
        QCOMPARE(unlock.errorText(), QStringLiteral("パスフレーズが違います。"));
        QVERIFY(!saveScreenshot(&unlock, QStringLiteral("unlock_dialog")).isEmpty());
        QSignalSpy accepted(&unlock, &QDialog::accepted);
        passphrase->clear();
        QTest::keyClicks(passphrase, QStringLiteral("correct horse"));
        QTest::keyClick(passphrase, Qt::Key_Return);
        QVERIFY(accepted.wait(60000));
        QVERIFY(bridge.isOpen());
        QVERIFY(!bridge.isSignedIn());
    }

    void composerCtrlEnterSendsEnterIsNewLine() {
        Composer composer;
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QSignalSpy sent(&composer, &Composer::sendRequested);
        ComposerEdit* edit = composer.editor();
        edit->setFocus();
        commitText(edit, QStringLiteral("血圧 128/76、脈拍 70。"));
        QTest::keyClick(edit, Qt::Key_Return);  // IME users confirm with Enter: a new line only
        commitText(edit, QStringLiteral("食事は全量摂取。"));
        QCOMPARE(sent.count(), 0);
        QCOMPARE(composer.text(), QStringLiteral("血圧 128/76、脈拍 70。\n食事は全量摂取。"));
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.at(0).at(0).toString(), QStringLiteral("血圧 128/76、脈拍 70。\n食事は全量摂取。"));
        // The composer keeps the text until the window has queued the post (then clears it).
        QCOMPARE(composer.text(), QStringLiteral("血圧 128/76、脈拍 70。\n食事は全量摂取。"));
        composer.clear();

        composer.setSendKey(SendKey::Enter);
        commitText(edit, QStringLiteral("服薬確認済み"));
        QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
        commitText(edit, QStringLiteral("残薬なし"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(sent.count(), 2);
        QCOMPARE(sent.at(1).at(0).toString(), QStringLiteral("服薬確認済み\n残薬なし"));
        composer.clear();
        // Whitespace only is never sent.
        commitText(edit, QStringLiteral("　"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(sent.count(), 2);
    }

    void settingsDialogRoundTrip() {
        AppSettings().save();  // the defaults, whatever an earlier run left
        auto* dialog = new SettingsDialog(AppSettings::load());
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        checkAccessibleNames(dialog);
        auto* language = controlNamed<QComboBox>(dialog, QStringLiteral("表示言語"));
        auto* send_key = controlNamed<QComboBox>(dialog, QStringLiteral("送信キー"));
        auto* font_size = controlNamed<QSpinBox>(dialog, QStringLiteral("文字の大きさ"));
        QVERIFY(language != nullptr && send_key != nullptr && font_size != nullptr);
        // The defaults, as the user reads them.
        QCOMPARE(language->currentText(), QStringLiteral("システムの設定に従う"));
        QCOMPARE(send_key->currentText(), QStringLiteral("Ctrl+Enter で送信、Enter で改行"));
        QCOMPARE(font_size->text(), QStringLiteral("標準"));

        // The user picks English, Enter to send and 14 pt, and presses OK.
        // With the keyboard: the languages are listed 日本語, English, システムの設定に従う.
        language->setFocus();
        QTest::keyClick(language, Qt::Key_Up);
        QCOMPARE(language->currentText(), QStringLiteral("English"));
        send_key->setFocus();
        QTest::keyClick(send_key, Qt::Key_Down);
        QCOMPARE(send_key->currentText(), QStringLiteral("Enter で送信、Shift+Enter で改行"));
        font_size->setFocus();
        font_size->selectAll();
        QTest::keyClicks(font_size, QStringLiteral("14"));
        QCOMPARE(font_size->text(), QStringLiteral("14 pt"));
        QVERIFY(!saveScreenshot(dialog, QStringLiteral("settings_dialog")).isEmpty());
        QSignalSpy accepted(dialog, &QDialog::accepted);
        QTest::mouseClick(buttonNamed(dialog, QStringLiteral("OK")), Qt::LeftButton);
        QCOMPARE(accepted.size(), 1);
        const AppSettings chosen = dialog->settings();
        delete dialog;
        QCOMPARE(chosen.language, QStringLiteral("en"));
        QVERIFY(chosen.send_key == SendKey::Enter);
        QCOMPARE(chosen.font_point_size, 14);

        // Saved, and the next time the dialog opens it shows them.
        chosen.save();
        SettingsDialog again(AppSettings::load());
        QCOMPARE(controlNamed<QComboBox>(&again, QStringLiteral("表示言語"))->currentText(), QStringLiteral("English"));
        QCOMPARE(controlNamed<QComboBox>(&again, QStringLiteral("送信キー"))->currentText(),
                 QStringLiteral("Enter で送信、Shift+Enter で改行"));
        QCOMPARE(controlNamed<QSpinBox>(&again, QStringLiteral("文字の大きさ"))->value(), 14);
        AppSettings().save();  // back to the defaults for the next test run
    }
};

QTEST_MAIN(DialogsTest)
#include "dialogs_test.moc"
