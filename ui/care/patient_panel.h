// Renkei UI: the patient panel beside the timeline of a patient room — the patient's
// profile, the consent on record, the care team with roles, professions and offices, the
// network rules the room departs from and why, who opened the room when. Read from the
// cache (Session::patientRecord, careTeam) and refreshed when the room's state changes.
// Everything in it was written by a room member: plain text only. Those the room's power
// levels allow (Session::canSendState) see 編集 beside the profile and the consent; the
// consent's scanned form opens in the image viewer (memory only, never a file).
#pragma once

#include <QPointer>
#include <QWidget>

#include "care/care_record_dialog.h"  // QPointer needs the complete types
#include "care/care_types.h"
#include "care/vitals_chart_dialog.h"
#include "export/export_dialog.h"
#include "image_viewer.h"

class QLabel;
class QPushButton;

namespace renkei::session {
class Session;
}

namespace renkei::ui {

class CoreBridge;

class PatientPanel : public QWidget {
    Q_OBJECT

public:
    explicit PatientPanel(CoreBridge& bridge, QWidget* parent = nullptr);

    /// Shows the room's record; hides the panel for a room that is not a patient room.
    void setRoom(const QString& room_id);
    /// The panel's sections as shown (for tests and screen readers).
    QString patientText() const;
    QString consentText() const;
    QString teamText() const;
    QString rulesText() const;
    /// The pinned ACP (latest version, then the earlier ones) and the trend flags with their
    /// reasons; empty texts when the room has none (the section is then hidden).
    QString acpText() const;
    QString trendsText() const;
    /// 「月別の情報共有」: opens the physician's monthly 情報連携 list (for tests).
    QPushButton* monthlyButton() const { return monthly_; }
    /// 「バイタルの推移…」: opens the vitals chart (VitalsChartDialog); shown only when the room
    /// has vitals posts (for tests). The dialog while it is open, else null.
    QPushButton* chartButton() const { return chart_; }
    VitalsChartDialog* chartDialog() const { return chart_dialog_; }
    /// 「書き出し・印刷…」: opens the export dialog (PDF and print) for the room (for tests).
    QPushButton* exportButton() const { return export_; }
    /// The export dialog while it is open, else null (for tests).
    ExportDialog* exportDialog() const { return export_dialog_; }
    /// The export dialog of this room (opened, or the open one) with `event_id` chosen
    /// (ExportDialog::choosePost); the post menu's 「この投稿を書き出す…」.
    void exportPost(const QString& event_id, qint64 ts_ms);
    /// The 編集 buttons of the profile and the consent, and 同意書を開く (for tests): shown
    /// only when the user may change that state / when the consent has a scan.
    QPushButton* editPatientButton() const { return edit_patient_; }
    QPushButton* editConsentButton() const { return edit_consent_; }
    QPushButton* openScanButton() const { return open_scan_; }
    /// The edit dialog or scan viewer last opened while it is open, else null.
    CareRecordDialog* editDialog() const { return dialog_; }
    ImageViewer* scanViewer() const { return viewer_; }

signals:
    /// A point of the vitals chart was clicked: show the post `event_id` of room `room_id`.
    void postRequested(const QString& room_id, const QString& event_id);

private:
    void refresh();
    void editPatient();
    void editConsent();
    void openScan();
    void refreshRecords(session::Session& s, const std::string& room);
    void openMonthly();
    void openChart();
    void openExport();

    CoreBridge& bridge_;
    QString room_id_;
    QLabel* patient_ = nullptr;
    QLabel* consent_ = nullptr;
    QLabel* team_ = nullptr;
    QLabel* rules_ = nullptr;
    QLabel* opened_ = nullptr;
    QLabel* acp_ = nullptr;
    QLabel* trends_ = nullptr;
    QWidget* acp_heading_ = nullptr;
    QWidget* trends_heading_ = nullptr;
    QPushButton* monthly_ = nullptr;
    QPushButton* chart_ = nullptr;
    QPushButton* edit_patient_ = nullptr;
    QPushButton* edit_consent_ = nullptr;
    QPushButton* open_scan_ = nullptr;
    std::optional<care::Patient> patient_record_;  // as last shown: what 編集 starts from
    std::optional<care::Consent> consent_record_;
    QPointer<CareRecordDialog> dialog_;
    QPointer<ImageViewer> viewer_;
    QPointer<QWidget> monthly_dialog_;
    QPointer<VitalsChartDialog> chart_dialog_;
    QPushButton* export_ = nullptr;
    QPointer<ExportDialog> export_dialog_;
};

}  // namespace renkei::ui
