// Renkei UI: 書き出し・印刷 of a patient room: choose the layout (経過記録, 支援経過記録, 医師からの
// 情報共有) and the days (Japan time; the last month by default), then write a PDF
// (QFileDialog, then ui/export/pdf_document.h) or print through the system's print dialog
// (QPrintDialog): the same document, painted by the same code. The document is built from
// the cache (Session::exportDocument) and each export and print is logged in the vault
// (Session::recordExport), never with the file's path.
#pragma once

#include <QDialog>
#include <QString>

#include "export/export_document.h"

class QComboBox;
class QImage;
class QDateEdit;
class QLabel;
class QPushButton;

namespace renkei::ui {

class CoreBridge;

class ExportDialog : public QDialog {
    Q_OBJECT

public:
    ExportDialog(CoreBridge& bridge, const QString& room_id, QWidget* parent = nullptr);

    /// The request the controls make (for tests).
    exporting::ExportRequest request() const;
    /// Writes the PDF to `path` without asking (the save button's second half; for tests),
    /// the vitals chart of the range on its last page. Returns false with the reason shown.
    bool exportTo(const QString& path);
    QPushButton* pdfButton() const { return pdf_; }
    QPushButton* printButton() const { return print_; }
    /// The last outcome shown under the buttons (for tests).
    QString statusText() const;

private:
    void savePdf();
    void print();
    // The document of request(), or nullopt with the reason shown.
    std::optional<exporting::ExportDocument> document();
    /// The vitals chart of the request's range as the document's figure (the timeline and the
    /// support record), or a null image when the range holds no vitals.
    QImage figure(const exporting::ExportRequest& request) const;
    void logged(const exporting::ExportRequest& request, std::size_t posts, const char* target, int pages);

    CoreBridge& bridge_;
    QString room_id_;
    QComboBox* layout_ = nullptr;
    QDateEdit* from_ = nullptr;
    QDateEdit* to_ = nullptr;
    QPushButton* pdf_ = nullptr;
    QPushButton* print_ = nullptr;
    QLabel* status_ = nullptr;
};

}  // namespace renkei::ui
