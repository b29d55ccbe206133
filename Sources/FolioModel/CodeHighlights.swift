import Foundation
import FolioBundle

/// The highlighted tokens of a briefing's fenced code, each block worked out once for all layout
/// passes (the dry run and the real one both ask): by the pass that first needs it, or ahead by a
/// helper thread that takes the blocks from the last one back while the passes go forward.
///
/// source-highlight runs one block at a time (`SyntaxHighlighter`), so the helper only pays off
/// while the layout does other work; a 296-page manual highlighted 300 blocks twice, 90 ms of its
/// layout's 450.
public final class CodeHighlights: @unchecked Sendable {
    private struct Key: Hashable {
        let language: String
        let text: String
    }

    private enum State {
        case waiting, working
        case done([CodeToken]?)
    }

    private let condition = NSCondition()
    private var states: [Key: State] = [:]
    /// The blocks in document order.
    private var order: [Key] = []

    /// Every fenced block with a language in `blocks`, nested ones included.
    public init(blocks: [Block]) {
        collect(blocks)
    }

    /// How many distinct blocks there are to highlight.
    public var count: Int { order.count }
    /// How many times source-highlight ran for these blocks (once each, whoever asks).
    var highlighted: Int {
        condition.lock()
        defer { condition.unlock() }
        return runs
    }
    private var runs = 0

    /// Starts the helper thread, when there are blocks for two.
    public func startAhead() {
        guard order.count > 1 else { return }
        HelperThread.start { [self] in
            for key in order.reversed() where claim(key) { finish(key) }
        }
    }

    /// The tokens of `text` in `language`, as `SyntaxHighlighter.tokens` gives them: worked out
    /// here, waited for while the helper works on them, or as it left them.
    public func tokens(_ text: String, language: String) -> [CodeToken]? {
        let key = Key(language: language, text: text)
        condition.lock()
        while true {
            switch states[key] {
            case nil:
                condition.unlock()
                return SyntaxHighlighter.tokens(text, language: language)
            case .done(let tokens):
                condition.unlock()
                return tokens
            case .working:
                condition.wait()
            case .waiting:
                states[key] = .working
                condition.unlock()
                return finish(key)
            }
        }
    }

    /// Marks `key` as being worked on, when nobody has started it.
    private func claim(_ key: Key) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard case .waiting = states[key] else { return false }
        states[key] = .working
        return true
    }

    /// Highlights a claimed block and hands the result to whoever waits for it.
    @discardableResult
    private func finish(_ key: Key) -> [CodeToken]? {
        let tokens = SyntaxHighlighter.tokens(key.text, language: key.language)
        condition.lock()
        runs += 1
        states[key] = .done(tokens)
        condition.broadcast()
        condition.unlock()
        return tokens
    }

    private func collect(_ blocks: [Block]) {
        for block in blocks {
            switch block.kind {
            case .code(let language?, let text):
                let key = Key(language: language, text: text)
                if states.updateValue(.waiting, forKey: key) == nil { order.append(key) }
            case .list(let list): list.items.forEach(collect)
            case .quote(let inner): collect(inner)
            case .footnote(let note): collect(note.blocks)
            case .alert(let alert): collect(alert.blocks)
            default: break
            }
        }
    }
}
