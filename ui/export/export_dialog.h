// Renkei UI: 書き出し・印刷 of a patient room: choose the layout (経過記録, 支援経過記録, 医師からの
// 情報共有), the days (Japan time; the last month by default) and, when asked, the posts of those
// days one by one; then write a PDF (QFileDialog, then ui/export/pdf_document.h) or print
// through the system's print dialog (QPrintDialog): the same document, painted by the same
// code. The document is built from the cache (Session::exportDocument); the pictures of its
// image posts are fetched first (PictureFetch, in memory only), with a progress line. Each
// export and print is logged in the vault (Session::recordExport), never with the file's path.
#pragma once

#include <QDialog>
#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

#include "export/export_document.h"
#include "export/pdf_document.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QImage;
class QLabel;
class QListWidget;
class QPrinter;
class QPushButton;

namespace renkei::ui {

class CoreBridge;
class PictureFetch;

class ExportDialog : public QDialog {
    Q_OBJECT

public:
    ExportDialog(CoreBridge& bridge, const QString& room_id, QWidget* parent = nullptr);
    ~ExportDialog() override;

    /// The request the controls make: the layout, the days, and the posts ticked in the list
    /// when 「投稿を選んで書き出す」 is on.
    exporting::ExportRequest request() const;
    /// Turns on choosing posts, widens the days to hold `ts_ms` (ms since the epoch) and ticks
    /// `event_id` (the post menu's 「この投稿を書き出す…」).
    void choosePost(const QString& event_id, qint64 ts_ms);
    /// Writes the PDF to `path` without asking (the save button's second half; for tests),
    /// once the pictures are fetched, the vitals chart of the range on its last page; then
    /// finished. Returns false (and emits nothing) when it cannot start, the reason shown.
    bool exportTo(const QString& path);
    QPushButton* pdfButton() const { return pdf_; }
    QPushButton* printButton() const { return print_; }
    QCheckBox* chooseBox() const { return choose_; }
    /// The posts to choose from: one checkable row per post of the days, its data(Qt::UserRole)
    /// the event id.
    QListWidget* postList() const { return posts_; }
    /// The last outcome shown under the buttons (for tests).
    QString statusText() const;

signals:
    /// An export or print started by the buttons or exportTo ended: written or printed (and
    /// logged), or not, the reason in statusText.
    void finished(bool ok);

private:
    void savePdf();
    void print();
    // The document of request(), or nullopt with the reason shown.
    std::optional<exporting::ExportDocument> document();
    /// Fetches the document's pictures, then paints it with `paint` (which returns the number of
    /// pages, or 0 with the reason shown) and logs it as `target` ("pdf", "print").
    void paintWhenReady(exporting::ExportDocument doc, const char* target,
                        std::function<int(const exporting::ExportDocument&, const QImage&, const pdf::Pictures&)> paint);
    /// The painting ended: logs it (`posts` in the document, `missing` pictures) and says so.
    void painted(int pages, std::size_t posts, int missing);
    /// The vitals chart of the request's range as the document's figure (the timeline and the
    /// support record), or a null image when the range holds no vitals.
    QImage figure(const exporting::ExportRequest& request) const;
    /// Refills the post list from the days and layout, keeping what was ticked.
    void refreshPosts();
    void setBusy(bool busy);

    CoreBridge& bridge_;
    QString room_id_;
    QComboBox* layout_ = nullptr;
    QDateEdit* from_ = nullptr;
    QDateEdit* to_ = nullptr;
    QCheckBox* choose_ = nullptr;
    QListWidget* posts_ = nullptr;
    QSet<QString> ticked_;  ///< event ids ticked, also those the days now leave out
    QPushButton* pdf_ = nullptr;
    QPushButton* print_ = nullptr;
    QLabel* status_ = nullptr;
    PictureFetch* pictures_ = nullptr;
    /// The export waiting for its pictures.
    std::optional<exporting::ExportDocument> pending_;
    exporting::ExportRequest pending_request_;
    const char* pending_target_ = nullptr;
    std::function<int(const exporting::ExportDocument&, const QImage&, const pdf::Pictures&)> pending_paint_;
    std::unique_ptr<QPrinter> printer_;
};

}  // namespace renkei::ui
