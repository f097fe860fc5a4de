// Renkei desktop: what a file post's 開く and 保存… do. The file is downloaded into memory
// through the bridge (CoreBridge::requestFile; never to disk), with a progress dialog whose
// キャンセル ends the download; then 開く shows it in the FileViewer (PDFs and images; other
// types get the viewer's message and 保存…), and 保存… goes through SaveCopy (the warning that
// the copy leaves Renkei's encrypted store, then the file dialog and QSaveFile).
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>

class QProgressDialog;
class QWidget;

namespace renkei::ui {

class CoreBridge;
class FileViewer;
struct SaveDialogs;

class FileActions : public QObject {
    Q_OBJECT
public:
    explicit FileActions(CoreBridge& bridge, QObject* parent = nullptr);
    ~FileActions() override;

    /// Downloads the file (`size`: the post's info.size in bytes, 0 if not given; more is
    /// refused) and shows it in a FileViewer over `parent`. `file_name` and `mime` come
    /// from the post (the server's text: shown as plain text only).
    void open(const QString& mxc, const QString& file_name, const QString& mime, qint64 size,
              QWidget* parent);
    /// Downloads the file and saves a copy where the user chooses, after the warning; refused
    /// with the reason (no download) when the network's policy forbids saving to disk.
    void save(const QString& mxc, const QString& file_name, const QString& mime, qint64 size,
              QWidget* parent);
    /// Ends the download of `mxc` (as the progress dialog's キャンセル does); nothing opens.
    void cancel(const QString& mxc);

    /// Test seam: the save flow's dialogs (also for errors); default SaveDialogs::standard().
    void setSaveDialogs(const SaveDialogs& dialogs);
    /// The viewer opened last, while it is open; null otherwise.
    FileViewer* viewer() const { return viewer_; }
    /// The progress dialog of the download of `mxc` while it runs; null otherwise.
    QProgressDialog* progressDialog(const QString& mxc) const;
    bool isDownloading(const QString& mxc) const { return pending_.contains(mxc); }

signals:
    /// A copy was written to `path` (after 保存…; from the viewer 開く showed, `path` is empty).
    void saved(const QString& mxc, const QString& path);
    /// The file was downloaded and shown in the viewer (after 開く).
    void opened(const QString& mxc);
    /// The file could not be downloaded (shown to the user through the dialogs' showError);
    /// not emitted when the user cancelled.
    void failed(const QString& mxc, const QString& error_text);

private:
    enum class Action { Open, Save };
    struct Pending {
        Action action = Action::Open;
        QString file_name;
        QString mime;
        QPointer<QWidget> parent;
        QPointer<QProgressDialog> progress;
    };

    /// The network's policy lets files be saved to disk (jp.renkei.policy export_allowed).
    bool saveAllowed() const;
    void start(Action action, const QString& mxc, const QString& file_name, const QString& mime,
               qint64 size, QWidget* parent);
    void onReady(const QString& mxc, const QByteArray& bytes, const QString& mime);
    void onFailed(const QString& mxc, const QString& error_text);
    /// Forgets the download of `mxc` and closes its progress dialog.
    Pending finish(const QString& mxc);

    CoreBridge& bridge_;
    std::unique_ptr<SaveDialogs> dialogs_;
    QHash<QString, Pending> pending_;  ///< mxc -> the download in flight and what follows it
    QPointer<FileViewer> viewer_;
};

}  // namespace renkei::ui
