import Foundation
import FolioModel
import FolioBundle

/// The creation date written into output: the front matter's date, else `SOURCE_DATE_EPOCH`, else now.
enum DocumentDate {
    static func pdfDate(for metadata: Metadata, environment: (String) -> String? = EnvironmentVariable.value) -> String {
        if let text = metadata.date, let date = ISODate(parsing: text) {
            return "\(String(format: "%04d-%02d-%02d", date.year, date.month, date.day))T00:00:00Z"
        }
        let seconds = environment("SOURCE_DATE_EPOCH").flatMap { TimeInterval($0) } ?? Date().timeIntervalSince1970
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}
