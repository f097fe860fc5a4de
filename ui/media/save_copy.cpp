#include "media/save_copy.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <memory>

namespace renkei::ui {
namespace {

constexpr int kMaxNameLength = 120;

bool reserved(QChar c) {
    return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
           QStringLiteral("<>:\"/\\|?*").contains(c);
}

}  // namespace

QString SaveCopy::warningText() {
    return tr("The copy is saved outside Renkei's encrypted store: anyone who can open that "
              "folder can read it. Save it only where patient information may be kept, and "
              "delete it when it is no longer needed.");
}

QString SaveCopy::safeFileName(const QString& name) {
    // The last part after any folder separator (a hostile "../../.bashrc" is ".bashrc").
    QString base = name.section(QRegularExpression(QStringLiteral("[/\\\\]")), -1);
    QString out;
    out.reserve(base.size());
    for (const QChar c : base) out += reserved(c) ? QChar(u'_') : c;
    while (!out.isEmpty() && (out.front() == u'.' || out.front().isSpace())) out.remove(0, 1);
    while (!out.isEmpty() && (out.back() == u'.' || out.back().isSpace())) out.chop(1);
    if (out.size() > kMaxNameLength) {
        const QString suffix = QFileInfo(out).suffix().left(10);
        const qsizetype keep = kMaxNameLength - (suffix.isEmpty() ? 0 : suffix.size() + 1);
        out = out.left(keep) + (suffix.isEmpty() ? QString() : u'.' + suffix);
        if (out.size() > 0 && out.at(keep - 1).isHighSurrogate()) out.remove(keep - 1, 1);
    }
    return out.isEmpty() ? QStringLiteral("file") : out;
}

bool SaveCopy::write(const QString& path, const QByteArray& bytes, QString& error_text) {
    QSaveFile file(path);
    const bool written = file.open(QIODevice::WriteOnly) &&
                         file.write(bytes) == bytes.size() && file.commit();
    if (written) return true;
    // (QSaveFile's temporary file is removed when it is destroyed without a commit.)
    switch (file.error()) {
        case QFileDevice::ResourceError:
            error_text = tr("The file could not be saved: the disk is full. Free some space or "
                            "choose another place.");
            break;
        case QFileDevice::PermissionsError:
        case QFileDevice::OpenError:
            error_text = tr("The file could not be saved there: writing is not allowed. Choose "
                            "another place.");
            break;
        default:
            error_text = tr("The file could not be saved. Nothing was left half-written; "
                            "try again or choose another place.");
    }
    return false;
}

QString SaveCopy::run(QWidget* parent, const QByteArray& bytes, const QString& file_name,
                      const SaveDialogs& dialogs) {
    if (!dialogs.confirm(parent)) return {};
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty()) folder = QDir::homePath();
    const QString path = dialogs.choosePath(parent, QDir(folder).filePath(safeFileName(file_name)));
    if (path.isEmpty()) return {};
    QString error_text;
    if (!write(path, bytes, error_text)) {
        dialogs.showError(parent, error_text);
        return {};
    }
    return path;
}

QMessageBox* SaveCopy::warningBox(QWidget* parent) {
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Save a copy"), warningText(),
                                QMessageBox::NoButton, parent);
    box->setTextFormat(Qt::PlainText);
    QPushButton* go = box->addButton(tr("Save…"), QMessageBox::AcceptRole);
    box->addButton(tr("Cancel"), QMessageBox::RejectRole);
    box->setDefaultButton(go);
    return box;
}

SaveDialogs SaveDialogs::standard() {
    SaveDialogs d;
    d.confirm = [](QWidget* parent) {
        std::unique_ptr<QMessageBox> box(SaveCopy::warningBox(parent));
        box->exec();
        return box->buttonRole(box->clickedButton()) == QMessageBox::AcceptRole;
    };
    d.choosePath = [](QWidget* parent, const QString& suggested) {
        return QFileDialog::getSaveFileName(parent, SaveCopy::tr("Save a copy"), suggested);
    };
    d.showError = [](QWidget* parent, const QString& error_text) {
        QMessageBox box(QMessageBox::Critical, SaveCopy::tr("Save a copy"), error_text,
                        QMessageBox::Ok, parent);
        box.setTextFormat(Qt::PlainText);
        box.exec();
    };
    return d;
}

}  // namespace renkei::ui
