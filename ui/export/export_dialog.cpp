#include "export/export_dialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QPageLayout>
#include <QPageSize>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

#include "bridge/core_bridge.h"
#include "care/vitals_chart.h"
#include "care/vitals_chart_view.h"
#include "export/pdf_document.h"
#include "session/session.h"

namespace renkei::ui {
namespace {

const QTimeZone kJst(9 * 60 * 60);  // the record's days are Japan's

}  // namespace

ExportDialog::ExportDialog(CoreBridge& bridge, const QString& room_id, QWidget* parent)
    : QDialog(parent), bridge_(bridge), room_id_(room_id) {
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("書き出し・印刷"));
    layout_ = new QComboBox;
    layout_->addItem(tr("経過記録（時系列）"), static_cast<int>(exporting::Layout::Timeline));
    layout_->addItem(tr("支援経過記録（ケアマネジャー向けの表）"), static_cast<int>(exporting::Layout::SupportRecord));
    layout_->addItem(tr("医師からの情報共有（月別・情報連携）"), static_cast<int>(exporting::Layout::PhysicianUpdates));
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(kJst).date();
    from_ = new QDateEdit(today.addMonths(-1));
    to_ = new QDateEdit(today);
    for (QDateEdit* edit : {from_, to_}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    auto* form = new QFormLayout;
    form->addRow(tr("様式"), layout_);
    form->addRow(tr("開始日"), from_);
    form->addRow(tr("終了日"), to_);
    pdf_ = new QPushButton(tr("PDFに書き出す…"));
    print_ = new QPushButton(tr("印刷…"));
    connect(pdf_, &QPushButton::clicked, this, &ExportDialog::savePdf);
    connect(print_, &QPushButton::clicked, this, &ExportDialog::print);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(pdf_, QDialogButtonBox::ActionRole);
    buttons->addButton(print_, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    status_ = new QLabel;
    status_->setTextFormat(Qt::PlainText);
    status_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(status_);
    layout->addWidget(buttons);
}

exporting::ExportRequest ExportDialog::request() const {
    exporting::ExportRequest r;
    r.layout = static_cast<exporting::Layout>(layout_->currentData().toInt());
    r.from_ms = QDateTime(from_->date(), QTime(0, 0), kJst).toMSecsSinceEpoch();
    r.to_ms = QDateTime(to_->date().addDays(1), QTime(0, 0), kJst).toMSecsSinceEpoch();
    return r;
}

QString ExportDialog::statusText() const { return status_->text(); }

std::optional<exporting::ExportDocument> ExportDialog::document() {
    session::Session* s = bridge_.session();
    if (s == nullptr) return std::nullopt;
    if (from_->date() > to_->date()) {
        status_->setText(tr("開始日が終了日より後になっています。"));
        return std::nullopt;
    }
    auto doc = s->exportDocument(room_id_.toStdString(), request());
    if (!doc) {
        status_->setText(tr("この部屋の記録を読めませんでした。"));
        return std::nullopt;
    }
    return std::move(*doc);
}

QImage ExportDialog::figure(const exporting::ExportRequest& request) const {
    session::Session* s = bridge_.session();
    if (s == nullptr || request.layout == exporting::Layout::PhysicianUpdates) return {};
    auto series = s->vitalsSeries(room_id_.toStdString());
    if (!series) return {};
    std::erase_if(*series, [&](const care::VitalsPoint& p) {
        const std::int64_t at = p.vitals.measured_at;
        return (request.from_ms && at < *request.from_ms) || (request.to_ms && at >= *request.to_ms);
    });
    const std::int64_t until = request.to_ms.value_or(QDateTime::currentMSecsSinceEpoch());
    // Scaled to the 180 mm body: 800 px wide, so that the charts' 13 pt text prints at about
    // 11 pt (fax: 10.5 pt or more), each measure's panel about 63 mm high.
    QFont text = font();
    text.setPointSizeF(13);
    return renderVitalsFigure(care::vitalsChart(*series, care::ChartRange::All, until), 800, 280, text);
}

void ExportDialog::logged(const exporting::ExportRequest& request, std::size_t posts, const char* target, int pages) {
    session::Session* s = bridge_.session();
    if (s == nullptr || !s->recordExport(room_id_.toStdString(), request, posts, target)) {
        status_->setText(tr("書き出しの記録を保存できませんでした。"));
        return;
    }
    status_->setText(tr("%1 件の投稿を %2 ページにしました。").arg(posts).arg(pages));
}

bool ExportDialog::exportTo(const QString& path) {
    auto doc = document();
    if (!doc) return false;
    QString why;
    const int pages = pdf::writePdf(*doc, path, &why, figure(request()));
    if (pages == 0) {
        status_->setText(tr("PDFを保存できませんでした: %1").arg(why));
        return false;
    }
    logged(request(), doc->blocks.size(), "pdf", pages);
    return true;
}

void ExportDialog::savePdf() {
    const QString path = QFileDialog::getSaveFileName(this, tr("PDFに書き出す"), QString(), tr("PDF (*.pdf)"));
    if (!path.isEmpty()) exportTo(path);
}

void ExportDialog::print() {
    auto doc = document();
    if (!doc) return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                      QMarginsF(pdf::kMarginMm, pdf::kMarginMm, pdf::kMarginMm, pdf::kMarginMm),
                                      QPageLayout::Millimeter));
    printer.setColorMode(QPrinter::GrayScale);  // black on white: fax and copier alike
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted) return;
    const int pages = pdf::paintDocument(*doc, printer, figure(request()));
    if (pages == 0) {
        status_->setText(tr("印刷できませんでした。"));
        return;
    }
    logged(request(), doc->blocks.size(), "print", pages);
}

}  // namespace renkei::ui
