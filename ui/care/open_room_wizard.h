// Renkei UI: the 部屋の開設 wizard. Four steps, each checked before 次へ with the same rules
// core applies (care::toContent): 利用者, 利用者同意, ケアチーム (the user directory searched
// as one types; without an attending physician a reason is required), 確認. 開設する sends
// the plan through CareBridge to be queued (the room opens when online, the consent scan its
// first file); core's refusal is shown on the 確認 step, success emits roomQueued and
// closes, and roomOpened once the room is open. Japanese first; keyboard only works throughout (QWizard's keys).
#pragma once

#include <QByteArray>
#include <QString>
#include <QWizard>
#include <string>

#include "care/care_types.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace renkei::ui {

class CareBridge;
class ConsentForm;
class PatientForm;
class CoreBridge;

class OpenRoomWizard : public QWizard {
    Q_OBJECT
public:
    enum Step { PatientStep, ConsentStep, TeamStep, ConfirmStep };
    /// Largest consent scan read into memory, in bytes.
    static constexpr qint64 kMaxScanBytes = 10 * 1024 * 1024;

    explicit OpenRoomWizard(CoreBridge& bridge, QWidget* parent = nullptr);
    ~OpenRoomWizard() override;

    /// The plan 開設する sends (the opener's profile is filled in by CareBridge).
    care::PatientRoomPlan plan() const;
    /// The message the current step shows for the input it refused (empty: none).
    QString stepMessage() const;
    /// The 確認 step's summary of what will be created and who will be invited.
    QString summaryText() const;
    /// Reads the consent scan/photo into memory (queued with the room: kept encrypted in the
    /// vault until uploaded as the room's first file; never a temporary file). False (message shown) when unreadable
    /// or over kMaxScanBytes. The 選択… button calls this with the chosen file.
    bool setConsentScan(const QString& path);
    const QByteArray& consentScan() const { return scan_; }
    /// Adds an invitee with their role in this team (as the 追加 button does). False (message
    /// shown) for the own account, a repeat, or a second attending physician.
    bool addInvitee(const QString& user_id, const QString& display_name, const QString& role);
    CareBridge& care() const { return *care_; }

signals:
    /// The room is queued (部屋の開設待ち) under this creation id.
    void roomQueued(const QString& creation_id);
    void roomOpened(const QString& room_id);

protected:
    bool validateCurrentPage() override;
    void initializePage(int id) override;
    void accept() override;

private:
    QWizardPage* buildPatientPage();
    QWizardPage* buildConsentPage();
    QWizardPage* buildTeamPage();
    QWizardPage* buildConfirmPage();
    care::Patient patient() const;
    care::Consent consent() const;
    bool hasPhysician() const;
    QString physicianReason() const;
    void showMessage(Step step, const QString& text);
    void updatePhysicianRule();
    void showFoundUsers(const QString& term, const QString& error_text);
    void addSelectedUser();

    CareBridge* care_ = nullptr;
    std::string creation_id_;  // one per wizard: a retry after a lost reply finds the room
    QLabel* messages_[4] = {};
    PatientForm* patient_form_ = nullptr;  // 利用者
    ConsentForm* consent_form_ = nullptr;  // 利用者同意
    QLabel* scan_label_ = nullptr;
    QByteArray scan_;
    QString scan_name_;
    // ケアチーム
    QLineEdit* search_ = nullptr;
    QTimer* search_timer_ = nullptr;
    QListWidget* found_ = nullptr;
    QComboBox* role_ = nullptr;
    QListWidget* team_ = nullptr;
    QLabel* physician_rule_ = nullptr;
    QPlainTextEdit* reason_ = nullptr;
    // 確認
    QLabel* summary_ = nullptr;
};

}  // namespace renkei::ui
