import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A client of a Server-Sent Events stream over a plain loopback socket: sends the GET, then
/// hands out each event's `data` as it arrives.
final class EventStream {
    private let socket: Int32
    private var buffer = ""

    init(host: String = "127.0.0.1", port: Int, path: String) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, host, &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(socket); throw POSIXError(.ECONNREFUSED) }
        let request = "GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nAccept: text/event-stream\r\n\r\n"
        _ = request.withCString { send(socket, $0, strlen($0), 0) }
    }

    deinit { close(socket) }

    /// The next event's data, or nil after `timeout` seconds.
    func next(timeout: Double = 10) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let range = buffer.range(of: "\n\n") {
                let block = String(buffer[..<range.lowerBound])
                buffer = String(buffer[range.upperBound...])
                let data = block.split(separator: "\n").filter { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }
                if !data.isEmpty { return data.joined(separator: "\n") }
                continue
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return nil }
            var entry = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, Int32(left * 1000)) > 0 else { return nil }
            var bytes = [UInt8](repeating: 0, count: 65_536)
            let count = recv(socket, &bytes, bytes.count, 0)
            guard count > 0 else { return nil }
            // Chunked transfer: chunk-size lines are hex digits alone on a line; they never start with "data:".
            let text = String(decoding: bytes[0..<count], as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            buffer += text
        }
    }

    /// The next event parsed as a JSON object.
    func nextState(timeout: Double = 10) -> [String: Any]? {
        guard let data = next(timeout: timeout) else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any]
    }
}
