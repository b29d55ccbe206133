import Foundation
import Glibc
import XCTest

/// A headless Chromium driven through chromedriver (Debian's `chromium` and `chromium-driver`,
/// installed by `Scripts/setup`), spoken to in the W3C WebDriver protocol: JSON over HTTP, on a
/// plain socket (chromedriver writes headers as `Name:value`, which URLSession rejects).
final class WebDriver {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let driver: RunningCommand
    private let port: Int
    private let session: String

    /// Starts chromedriver on a free loopback port and opens a browser session in it.
    init() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"),
              FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
        else {
            throw Failure(description: "chromium and chromedriver are missing: run Scripts/setup")
        }
        let port = try Self.freePort()
        driver = try RunningCommand(["--port=\(port)"], executable: "/usr/bin/chromedriver")
        guard driver.waitForLines(containing: "started successfully", count: 1) else {
            throw Failure(description: "chromedriver did not start: \(driver.stdout)\(driver.stderr)")
        }
        let options: [String: Any] = [
            "binary": "/usr/bin/chromium",
            // No sandbox: CI runs as root. A window the size of a laptop screen.
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"],
        ]
        let reply = try Self.request("POST", port: port, path: "/session",
                                     ["capabilities": ["alwaysMatch": ["goog:chromeOptions": options]]])
        guard let value = reply.json?["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            driver.stop()
            throw Failure(description: "no browser session: \(reply.status) \(reply.text)")
        }
        self.port = port
        session = id
    }

    deinit { quit() }

    func open(_ url: String) throws {
        try command("url", ["url": url])
    }

    /// Runs `script` (a function body) in the page and returns what it returns, decoded from JSON.
    @discardableResult
    func evaluate(_ script: String) throws -> Any? {
        try command("execute/sync", ["script": script, "args": [] as [Any]])
    }

    /// Evaluates `script` every 20 ms until `accepts` takes its result, or `timeout` seconds pass.
    func wait(for script: String, timeout: Double = 30, until accepts: (Any?) -> Bool) throws -> Any? {
        let deadline = Date().addingTimeInterval(timeout)
        var last: Any?
        repeat {
            last = try evaluate(script)
            if accepts(last) { return last }
            usleep(20_000)
        } while Date() < deadline
        throw Failure(description: "timed out after \(timeout) s; last result: \(last ?? "nil")")
    }

    func quit() {
        if driver.process.isRunning {
            _ = try? Self.request("DELETE", port: port, path: "/session/\(session)", nil)
        }
        driver.stop()
    }

    @discardableResult
    private func command(_ name: String, _ body: [String: Any]) throws -> Any? {
        let reply = try Self.request("POST", port: port, path: "/session/\(session)/\(name)", body)
        guard reply.status == 200, let object = reply.json else {
            throw Failure(description: "\(name): \(reply.status) \(reply.text)")
        }
        return object["value"]
    }

    struct Reply {
        var status: Int
        var text: String
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] }
    }

    /// One request on its own connection; the reply is read up to its Content-Length.
    private static func request(_ method: String, port: Int, path: String, _ body: [String: Any]?) throws -> Reply {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: \(errno)") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect to chromedriver: \(errno)") }
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        var message = Data("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n".utf8)
        message.append(Data("Content-Type: application/json\r\nContent-Length: \(payload.count)\r\n\r\n".utf8))
        message.append(payload)
        let sent = message.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
        guard sent == message.count else { throw Failure(description: "send to chromedriver: \(errno)") }
        // chromedriver keeps the connection open: the reply ends after Content-Length bytes of body.
        var received = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var head: (status: Int, bodyStart: Int, length: Int)?
        while head.map({ received.count < $0.bodyStart + $0.length }) ?? true {
            var entry = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 120_000) > 0 else { throw Failure(description: "chromedriver did not answer \(method) \(path)") }
            let count = recv(socket, &chunk, chunk.count, 0)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            received.append(contentsOf: chunk[0..<count])
            if head == nil { head = Self.head(of: received) }
        }
        guard let head else { throw Failure(description: "not an HTTP reply: \(String(decoding: received.prefix(200), as: UTF8.self))") }
        let status = head.status
        let text = String(decoding: received[head.bodyStart...], as: UTF8.self)
        return Reply(status: status, text: text)
    }

    /// The status, where the body starts and its length, once the whole header has arrived.
    private static func head(of bytes: [UInt8]) -> (status: Int, bodyStart: Int, length: Int)? {
        let end: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 4, let split = (0...(bytes.count - 4)).first(where: { Array(bytes[$0..<$0 + 4]) == end }) else { return nil }
        let lines = String(decoding: bytes[..<split], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        let length = lines.dropFirst().compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }.first ?? 0
        return (status, split + 4, length)
    }

    /// A TCP port nothing listens on now (bound to port 0 and released).
    private static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: \(errno)") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else { throw Failure(description: "bind: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
